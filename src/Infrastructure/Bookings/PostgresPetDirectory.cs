using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Infrastructure.Bookings;

public sealed class PostgresPetDirectory(NpgsqlDataSource dataSource) : IPetDirectory
{
    public async Task<PetFacts?> FindPetAsync(PetId pet, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select owner_id, species, archived_at is not null from owners.pets where id = $1");
        command.Parameters.AddWithValue(pet.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PetFacts(pet, new OwnerId(reader.GetGuid(0)), reader.GetString(1), reader.GetBoolean(2))
            : null;
    }

    public async Task<bool> IsClientAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from owners.clinic_clients where owner_id = $1 and clinic_id = $2)");
        command.Parameters.AddWithValue(owner.Value);
        command.Parameters.AddWithValue(clinic.Value);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
