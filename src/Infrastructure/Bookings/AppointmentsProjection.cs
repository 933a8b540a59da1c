using Npgsql;
using VetOS.Domain.Bookings;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure.Bookings;

/// <summary>Builds <c>booking.appointments</c>: one row per appointment, as owners and the schedule see it.</summary>
public sealed class AppointmentsProjection : Projection
{
    public AppointmentsProjection()
    {
        On<AppointmentRequested>((e, context) => context.Execute("""
            insert into booking.appointments
                (id, clinic_id, owner_id, pet_id, appointment_type_id, resource_id, starts_at, ends_at, status, revision, changed_at, changed_by)
            select $1, $2, $3, $4, $5, $6, $7, $8, 'requested', $9, $10, $11
             where not exists (select from privacy.erased_owners e where e.owner_id = $3 and e.clinic_id = $2 and 'appointments' = any (e.removed))
            """, e.BookingId, e.ClinicId, e.OwnerId, e.PetId, e.AppointmentTypeId, e.ResourceId, e.Start, e.End, context.Stored.Revision, e.At, e.By));
        On<AppointmentConfirmed>((e, context) => Status(context, e.BookingId, "confirmed", e.At, e.By));
        On<AppointmentDeclined>((e, context) => Status(context, e.BookingId, "declined", e.At, e.By));
        On<AppointmentCancelled>((e, context) => Status(context, e.BookingId, "cancelled", e.At, e.By));
        On<AppointmentAttended>((e, context) => Status(context, e.BookingId, "attended", e.At, e.By));
        On<AppointmentMissed>((e, context) => Status(context, e.BookingId, "no-show", e.At, e.By));
        On<AppointmentRescheduled>((e, context) => context.Execute("""
            update booking.appointments set resource_id = $2, starts_at = $3, ends_at = $4, revision = $5, changed_at = $6, changed_by = $7,
                   status = case when $8 then 'requested' else status end
             where id = $1
            """, e.BookingId, e.ResourceId, e.Start, e.End, context.Stored.Revision, e.At, e.By, e.AwaitsConfirmation));
    }

    public override string Name => "appointments";

    public override string? Category => "booking";

    public override async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate booking.appointments", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Status(ProjectionContext context, Guid booking, string status, DateTimeOffset at, string by) =>
        context.Execute("update booking.appointments set status = $2, revision = $3, changed_at = $4, changed_by = $5 where id = $1",
            booking, status, context.Stored.Revision, at, by);
}
