using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.Bookings;

/// <summary>
/// The owner's appointments at the clinic, each with its full event history. Where the clinic's law makes it keep
/// appointment records, they stay: they hold ids and times only, and the reasons in their events are shredded with the
/// owner's key. Otherwise the rows go, and a rebuild of the projection skips them.
/// </summary>
public sealed class AppointmentPersonalData(NpgsqlDataSource dataSource, IEventStreams streams) : IPersonalDataHolder
{
    public string Section => "appointments";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var appointments = await Rows.ReadAsync(dataSource, """
            select a.id, a.starts_at, a.ends_at, a.status, t.name as type, r.name as resource, a.pet_id, p.name as pet, a.changed_at, a.changed_by
              from booking.appointments a
              left join clinic.appointment_types t on t.id = a.appointment_type_id
              left join clinic.resources r on r.id = a.resource_id
              left join owners.pets p on p.id = a.pet_id
             where a.owner_id = $1 and a.clinic_id = $2
             order by a.starts_at
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        foreach (var appointment in appointments)
            appointment["history"] = await ExportedEvents.OfAsync(streams, PostgresAppointments.StreamOf(new BookingId((Guid)appointment["id"]!)), cancellationToken);
        return appointments;
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        var kept = (await Rows.ReadAsync(dataSource, "select count(*)::int as n, max(starts_at) as last from booking.appointments where owner_id = $1 and clinic_id = $2",
            cancellationToken, subject.Owner.Value, subject.Clinic.Value)).Single();
        var count = (int)kept["n"]!;
        if (count > 0 && rules.For("appointments") is { } law)
            return new(Section, 0,
            [
                new KeptRecords($"{count} appointment record{(count == 1 ? "" : "s")}: date, time, type, vet or room and status; no name, contact details or pet name",
                    law.Law, DateOnly.FromDateTime(((DateTimeOffset)kept["last"]!).UtcDateTime).AddYears(law.Years)),
            ]);
        var removed = await Rows.ExecuteAsync(dataSource, """
            with gone as (delete from booking.appointments where owner_id = $1 and clinic_id = $2 returning id)
            delete from booking.slot_holds where booking_id in (select id from gone)
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        return new(Section, Math.Max(removed, count), []);
    }
}
