using Npgsql;
using VetOS.Application.Clinics;

namespace VetOS.Infrastructure.Clinics;

public sealed class ClinicDirectory(NpgsqlDataSource dataSource) : IPublicClinics
{
    public async Task<IReadOnlyList<PublicClinic>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select slug, name, time_zone from clinic.clinics order by name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clinics = new List<PublicClinic>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add(new PublicClinic(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return clinics;
    }
}
