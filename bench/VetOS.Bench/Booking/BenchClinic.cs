namespace VetOS.Bench.Booking;

internal sealed record BenchOwner(Guid Id, Guid Dog)
{
    public string ActorHeader => $"owner:{Id}";
}

/// <summary>A clinic the booking benchmark seeds in SQL: one appointment type, bookable by owners directly, and owners with a dog each.</summary>
internal sealed record BenchClinic(Guid Id, string TimeZone, Guid Type, IReadOnlyList<Guid> Resources, IReadOnlyList<BenchOwner> Owners)
{
    /// <summary>Open round the clock in UTC, no lead time or buffer: every client can book its own slots flat out.</summary>
    public static BenchClinic Load(int resources, int owners) => new(
        BenchId(1, 0), "UTC", BenchId(3, 1),
        Enumerable.Range(1, resources).Select(i => BenchId(2, i)).ToList(),
        Enumerable.Range(1, owners).Select(i => new BenchOwner(BenchId(4, i), BenchId(5, i))).ToList());

    /// <summary>Shaped like the demo clinic: 3 vets and 2 rooms, a 20-minute type on the vets and one room.</summary>
    public static BenchClinic DemoShaped(int owners) => new(
        BenchId(1, 1000), "Europe/London", BenchId(3, 1001),
        Enumerable.Range(1001, 5).Select(i => BenchId(2, i)).ToList(),
        Enumerable.Range(1001, owners).Select(i => new BenchOwner(BenchId(4, i), BenchId(5, i))).ToList());

    public static string LoadSql(BenchClinic c) => Sql(c, "bench-load", "interval '0'", "interval '0'", "interval '400 days'", "interval '0'",
        "select d, time '00:00', time '23:59' from generate_series(0, 6) d",
        c.Resources.Select((r, i) => (r, $"Resource {i + 1}", "vet")), "Check-up", "15 minutes", c.Resources);

    public static string DemoShapedSql(BenchClinic c) => Sql(c, "bench-demo", "interval '2 hours'", "interval '10 minutes'", "interval '60 days'", "interval '24 hours'",
        "select d, time '08:00', time '18:00' from generate_series(1, 5) d union all select 6, time '09:00', time '13:00'",
        c.Resources.Select((r, i) => (r, i < 3 ? $"Dr {i + 1}" : $"Room {i - 2}", i < 3 ? "vet" : "room")), "Consultation", "20 minutes", c.Resources.Take(4));

    private static string Sql(
        BenchClinic c, string slug, string lead, string buffer, string horizon, string cancellation, string hours,
        IEnumerable<(Guid Id, string Name, string Kind)> resources, string typeName, string duration, IEnumerable<Guid> typeResources)
    {
        // Every value is generated here, so the script goes as plain SQL in one round trip, like DemoClinic's.
        return $$"""
            insert into clinic.clinics (id, slug, name, time_zone, minimum_lead_time, buffer, booking_horizon, cancellation_window)
                values ('{{c.Id}}', '{{slug}}', '{{slug}}', '{{c.TimeZone}}', {{lead}}, {{buffer}}, {{horizon}}, {{cancellation}});
            insert into clinic.opening_hours (clinic_id, weekday, opens, closes) select '{{c.Id}}'::uuid, h.* from ({{hours}}) h;
            insert into clinic.resources (id, clinic_id, name, kind) values {{Values(resources.Select(r => $"('{r.Id}', '{c.Id}', '{r.Name}', '{r.Kind}')"))}};
            insert into clinic.appointment_types (id, clinic_id, name, duration, species, owners_may_book_directly)
                values ('{{c.Type}}', '{{c.Id}}', '{{typeName}}', interval '{{duration}}', '{dog}', true);
            insert into clinic.appointment_type_resources (appointment_type_id, resource_id) values {{Values(typeResources.Select(r => $"('{c.Type}', '{r}')"))}};
            insert into owners.clinic_clients (clinic_id, owner_id) values {{Values(c.Owners.Select(o => $"('{c.Id}', '{o.Id}')"))}};
            insert into owners.pets (id, owner_id, name, species) values {{Values(c.Owners.Select((o, i) => $"('{o.Dog}', '{o.Id}', 'Dog {i + 1}', 'dog')"))}};
            """;
    }

    private static string Values(IEnumerable<string> rows) => string.Join(", ", rows);

    /// <summary>Recognisable ids: 0b0c0000-{kind}-4000-8000-{number}.</summary>
    private static Guid BenchId(int kind, int number) => Guid.Parse($"0b0c0000-{kind:D4}-4000-8000-{number:D12}");
}
