using Npgsql;

namespace VetOS.Infrastructure.Clinics;

public sealed record ClinicSummary(string Slug, string Name, string TimeZone);

public sealed class ClinicDirectory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ClinicSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select slug, name, time_zone from clinic.clinics order by name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clinics = new List<ClinicSummary>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add(new ClinicSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return clinics;
    }
}
