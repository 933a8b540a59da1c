using Npgsql;
using VetOS.Application.Accounts;

namespace VetOS.Infrastructure.Accounts;

public sealed class PostgresClinicClients(NpgsqlDataSource dataSource, TimeProvider clock) : IClinicClients
{
    public async Task<string?> ClinicNameAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select name from clinic.clinics where id = $1");
        command.Parameters.AddWithValue(clinic);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task AddAsync(Guid owner, Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("insert into owners.clinic_clients (clinic_id, owner_id, since) values ($1, $2, $3) on conflict do nothing");
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClientOf>> ClinicsOfAsync(Guid owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.id, c.slug, c.name, cc.since from owners.clinic_clients cc join clinic.clinics c on c.id = cc.clinic_id
             where cc.owner_id = $1 order by c.name
            """);
        command.Parameters.AddWithValue(owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clinics = new List<ClientOf>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add(new ClientOf(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return clinics;
    }
}
