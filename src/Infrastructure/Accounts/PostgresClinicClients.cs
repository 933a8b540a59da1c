using Npgsql;
using VetOS.Application.Accounts;

namespace VetOS.Infrastructure.Accounts;

public sealed class PostgresClinicClients(NpgsqlDataSource dataSource) : IClinicClients
{
    public async Task<string?> ClinicNameAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select name from clinic.clinics where id = $1");
        command.Parameters.AddWithValue(clinic);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task AddAsync(Guid owner, Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2) on conflict do nothing");
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
