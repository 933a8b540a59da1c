using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Infrastructure.Bookings;

/// <summary>
/// Reads a clinic's booking rules from its setup tables in one round trip, leaving out blocked times that ended before
/// the host's clock says it is now (the database's clock decides nothing).
/// </summary>
public sealed class PostgresClinicRules(NpgsqlDataSource dataSource, TimeProvider clock) : IClinicRulesSource
{
    public async Task<ClinicRules?> FindAsync(ClinicId clinic, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("select time_zone, minimum_lead_time, buffer, booking_horizon, cancellation_window from clinic.clinics where id = $1", clinic),
                Command("select weekday, opens, closes from clinic.opening_hours where clinic_id = $1", clinic),
                new NpgsqlBatchCommand("select starts_at, ends_at, resource_id, reason from clinic.blocked_times where clinic_id = $1 and ends_at > $2")
                {
                    Parameters = { new NpgsqlParameter<Guid> { TypedValue = clinic.Value }, new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() } },
                },
                Command("select id, name, kind from clinic.resources where clinic_id = $1 order by name", clinic),
                Command("""
                    select t.id, t.name, t.duration, t.species, t.owners_may_book_directly,
                           coalesce(array_agg(r.resource_id) filter (where r.resource_id is not null), '{}')
                      from clinic.appointment_types t left join clinic.appointment_type_resources r on r.appointment_type_id = t.id
                     where t.clinic_id = $1 group by t.id order by t.name
                    """, clinic),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reader.GetString(0));
        var (lead, buffer, horizon, window) = (reader.GetTimeSpan(1), reader.GetTimeSpan(2), reader.GetTimeSpan(3), reader.GetTimeSpan(4));

        await reader.NextResultAsync(cancellationToken);
        var hours = new List<OpeningPeriod>();
        while (await reader.ReadAsync(cancellationToken))
            hours.Add(new OpeningPeriod((DayOfWeek)reader.GetInt32(0), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2)));

        await reader.NextResultAsync(cancellationToken);
        var blocked = new List<BlockedTime>();
        while (await reader.ReadAsync(cancellationToken))
            blocked.Add(new BlockedTime(
                new TimeSlot(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)),
                reader.IsDBNull(2) ? null : new ResourceId(reader.GetGuid(2)),
                reader.GetString(3)));

        await reader.NextResultAsync(cancellationToken);
        var resources = new List<Resource>();
        while (await reader.ReadAsync(cancellationToken))
            resources.Add(new Resource(new ResourceId(reader.GetGuid(0)), reader.GetString(1), reader.GetString(2)));

        await reader.NextResultAsync(cancellationToken);
        var types = new List<AppointmentType>();
        while (await reader.ReadAsync(cancellationToken))
            types.Add(new AppointmentType(
                new AppointmentTypeId(reader.GetGuid(0)), reader.GetString(1), reader.GetTimeSpan(2),
                reader.GetFieldValue<string[]>(3).ToHashSet(StringComparer.OrdinalIgnoreCase),
                reader.GetFieldValue<Guid[]>(5).Select(id => new ResourceId(id)).ToHashSet(),
                reader.GetBoolean(4)));

        return new ClinicRules(clinic, zone, hours, blocked, resources, types, lead, buffer, horizon, window);
    }

    private static NpgsqlBatchCommand Command(string sql, ClinicId clinic) =>
        new(sql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = clinic.Value } } };
}
