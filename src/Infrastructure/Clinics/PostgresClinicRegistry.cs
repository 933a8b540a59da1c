using Npgsql;
using VetOS.Application.Clinics;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Clinics;

/// <summary>Clinics and their details; a clinic joins at the host's clock, and its first consent notices date from then.</summary>
public sealed class PostgresClinicRegistry(NpgsqlDataSource dataSource, TimeProvider clock) : IClinicRegistry
{
    private const string Columns = "name, slug, address, time_zone, contact_email, contact_phone, grievance_contact";

    public Task<ClinicSaved> CreateAsync(Guid id, ClinicDetails details, CancellationToken cancellationToken) =>
        SaveAsync($"insert into clinic.clinics (id, {Columns}, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [.. Values(id, details), clock.GetUtcNow()], cancellationToken);

    public Task<ClinicSaved> UpdateAsync(Guid id, ClinicDetails details, CancellationToken cancellationToken) =>
        SaveAsync($"update clinic.clinics set ({Columns}) = ($2, $3, $4, $5, $6, $7, $8) where id = $1", Values(id, details), cancellationToken);

    public async Task<ClinicDetails?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await FindWhereAsync("id = $1", id, cancellationToken))?.Details;

    public Task<RegisteredClinic?> FindBySlugAsync(string slug, CancellationToken cancellationToken) => FindWhereAsync("slug = $1", slug, cancellationToken);

    private async Task<RegisteredClinic?> FindWhereAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select id, created_at, {Columns} from clinic.clinics where {where}");
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RegisteredClinic(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), new ClinicDetails(reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)))
            : null;
    }

    public async Task<IReadOnlyList<ClinicListing>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.id, c.slug, c.name, c.time_zone, c.created_at, (select count(*) from clinic.staff s where s.clinic_id = c.id)::int
              from clinic.clinics c order by c.name
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clinics = new List<ClinicListing>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add(new ClinicListing(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5)));
        return clinics;
    }

    private static object[] Values(Guid id, ClinicDetails d) =>
        [id, d.Name, d.Slug, d.Address, d.TimeZone, d.ContactEmail, d.ContactPhone, d.GrievanceContact];

    private async Task<ClinicSaved> SaveAsync(string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(dataSource, sql, values);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? ClinicSaved.Saved : ClinicSaved.NoSuchClinic;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ClinicSaved.SlugTaken;
        }
    }
}
