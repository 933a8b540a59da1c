using Npgsql;

namespace VetOS.Infrastructure.Clinics;

/// <summary>The clinic a new user meets on <c>./vetos up</c>. Seeding twice changes nothing.</summary>
public sealed class DemoClinic(NpgsqlDataSource dataSource)
{
    public static readonly Guid Id = Guid.Parse("5f0c6a1e-7d39-4c1b-9a4e-2b8d3f6e1a01");
    public const string Slug = "riverside";
    public const string Name = "Riverside Veterinary Clinic";
    public const string TimeZone = "Europe/London";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "insert into clinic.clinics (id, slug, name, time_zone) values ($1, $2, $3, $4) on conflict (id) do nothing");
        command.Parameters.AddWithValue(Id);
        command.Parameters.AddWithValue(Slug);
        command.Parameters.AddWithValue(Name);
        command.Parameters.AddWithValue(TimeZone);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
