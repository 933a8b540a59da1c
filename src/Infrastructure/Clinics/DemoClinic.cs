using Npgsql;

namespace VetOS.Infrastructure.Clinics;

/// <summary>The clinic a new user meets on <c>./vetos up</c>: hours, vets, rooms, appointment types and a demo owner. Seeding twice changes nothing.</summary>
public sealed class DemoClinic(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly Guid Id = Guid.Parse("5f0c6a1e-7d39-4c1b-9a4e-2b8d3f6e1a01");
    public const string Slug = "riverside";
    public const string Name = "Riverside Veterinary Clinic";
    public const string TimeZone = "Europe/London";

    public static readonly Guid DrOkafor = Guid.Parse("0d9a3a0e-0001-4000-8000-000000000001");
    public static readonly Guid DrReilly = Guid.Parse("0d9a3a0e-0001-4000-8000-000000000002");
    public static readonly Guid DrLind = Guid.Parse("0d9a3a0e-0001-4000-8000-000000000003");
    public static readonly Guid ConsultingRoom = Guid.Parse("0d9a3a0e-0001-4000-8000-000000000004");
    public static readonly Guid NurseRoom = Guid.Parse("0d9a3a0e-0001-4000-8000-000000000005");

    public static readonly Guid Consultation = Guid.Parse("0d9a3a0e-0002-4000-8000-000000000001");
    public static readonly Guid Vaccination = Guid.Parse("0d9a3a0e-0002-4000-8000-000000000002");
    public static readonly Guid DentalCheck = Guid.Parse("0d9a3a0e-0002-4000-8000-000000000003");
    public static readonly Guid NurseClinic = Guid.Parse("0d9a3a0e-0002-4000-8000-000000000004");

    public static readonly Guid DemoOwner = Guid.Parse("0d9a3a0e-0003-4000-8000-000000000001");
    public static readonly Guid Biscuit = Guid.Parse("0d9a3a0e-0004-4000-8000-000000000001");
    public static readonly Guid Miso = Guid.Parse("0d9a3a0e-0004-4000-8000-000000000002");
    public static readonly Guid DemoReceptionist = Guid.Parse("0d9a3a0e-0005-4000-8000-000000000001");
    public static readonly Guid DemoVet = Guid.Parse("0d9a3a0e-0005-4000-8000-000000000002");
    public static readonly Guid DemoAdmin = Guid.Parse("0d9a3a0e-0005-4000-8000-000000000003");
    public static readonly Guid DemoAuditor = Guid.Parse("0d9a3a0e-0005-4000-8000-000000000004");
    public static readonly Guid DemoOperator = Guid.Parse("0d9a3a0e-0006-4000-8000-000000000001");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // Every value is one of the constants above or the clock's instant, so the script is sent as plain SQL in one round trip.
        await using var command = dataSource.CreateCommand(Seed(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The clinic joins, and its owner becomes its client, when the host's clock says: its first notices date from then.</summary>
    private static string Seed(DateTimeOffset now) => $$"""
        insert into clinic.clinics (id, slug, name, time_zone, created_at, address, contact_email, contact_phone, grievance_contact)
        values ('{{Id}}', '{{Slug}}', '{{Name}}', '{{TimeZone}}', '{{now:O}}', '12 River Walk, Kingston upon Thames KT1 1AA, United Kingdom',
                'privacy@riverside-vets.example', '+442079460000', 'Information Commissioner''s Office, ico.org.uk, 0303 123 1113')
        on conflict (id) do nothing;

        insert into clinic.opening_hours (clinic_id, weekday, opens, closes)
        select '{{Id}}'::uuid, d, time '08:00', time '18:00' from generate_series(1, 5) d
        union all select '{{Id}}'::uuid, 6, time '09:00', time '13:00'
        on conflict do nothing;

        insert into clinic.resources (id, clinic_id, name, kind) values
            ('{{DrOkafor}}', '{{Id}}', 'Dr Amara Okafor', 'vet'),
            ('{{DrReilly}}', '{{Id}}', 'Dr Tom Reilly', 'vet'),
            ('{{DrLind}}', '{{Id}}', 'Dr Sofia Lind', 'vet'),
            ('{{ConsultingRoom}}', '{{Id}}', 'Consulting room', 'room'),
            ('{{NurseRoom}}', '{{Id}}', 'Nurse room', 'room')
        on conflict (id) do nothing;

        insert into clinic.appointment_types (id, clinic_id, name, duration, species, owners_may_book_directly) values
            ('{{Consultation}}', '{{Id}}', 'Consultation', interval '20 minutes', '{dog,cat,rabbit,guinea pig}', true),
            ('{{Vaccination}}', '{{Id}}', 'Vaccination', interval '15 minutes', '{dog,cat,rabbit}', true),
            ('{{DentalCheck}}', '{{Id}}', 'Dental check', interval '30 minutes', '{dog,cat}', false),
            ('{{NurseClinic}}', '{{Id}}', 'Nurse clinic', interval '15 minutes', '{dog,cat,rabbit,guinea pig}', true)
        on conflict (id) do nothing;

        insert into clinic.appointment_type_resources (appointment_type_id, resource_id) values
            ('{{Consultation}}', '{{DrOkafor}}'), ('{{Consultation}}', '{{DrReilly}}'), ('{{Consultation}}', '{{DrLind}}'), ('{{Consultation}}', '{{ConsultingRoom}}'),
            ('{{Vaccination}}', '{{DrOkafor}}'), ('{{Vaccination}}', '{{DrReilly}}'), ('{{Vaccination}}', '{{DrLind}}'), ('{{Vaccination}}', '{{NurseRoom}}'),
            ('{{DentalCheck}}', '{{DrOkafor}}'),
            ('{{NurseClinic}}', '{{NurseRoom}}')
        on conflict do nothing;

        insert into owners.clinic_clients (clinic_id, owner_id, since) values ('{{Id}}', '{{DemoOwner}}', '{{now:O}}') on conflict do nothing;
        insert into owners.pets (id, owner_id, name, species) values
            ('{{Biscuit}}', '{{DemoOwner}}', 'Biscuit', 'dog'),
            ('{{Miso}}', '{{DemoOwner}}', 'Miso', 'cat')
        on conflict (id) do nothing;
        """;
}
