using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Bookings;

/// <summary>Appointments as event streams <c>booking-{id}</c>, with their slot holds committed in the same transaction.</summary>
public sealed class PostgresAppointments(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer) : IAppointments
{
    private readonly WriteSideAppend append = new(dataSource, store, notifier, serializer);
    private readonly EventStreams streams = new(store, serializer);

    public static StreamName StreamOf(BookingId id) => Application.Commands.Streams.Booking(id);

    public async Task<(Appointment State, long Revision)> LoadAsync(BookingId id, CancellationToken cancellationToken)
    {
        var loaded = await streams.LoadAsync(StreamOf(id), cancellationToken);
        return (Appointment.From(loaded.Events.Select(e => (IBookingEvent)e.Event)), loaded.Revision);
    }

    public async Task<long> SaveAsync(
        BookingId id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
        await append.AppendAsync(StreamOf(id), expectedRevision, await append.SerializeAsync(events, metadata, cancellationToken),
            async (connection, transaction, ct) =>
            {
                foreach (var e in events)
                    await HoldSlot(connection, transaction, e, ct);
            }, cancellationToken);

    private const string InsertHold = """
        insert into booking.slot_holds (booking_id, resource_id, held, clinic_id)
        select $1, $2, tstzrange($3, $4 + c.buffer), c.id from clinic.clinics c where c.id = $5
        """;

    private const string MoveHold = """
        update booking.slot_holds h set resource_id = $2, held = tstzrange($3, $4 + c.buffer)
          from clinic.clinics c where h.booking_id = $1 and c.id = h.clinic_id
        """;

    private static Task HoldSlot(NpgsqlConnection connection, NpgsqlTransaction transaction, object e, CancellationToken cancellationToken) => e switch
    {
        AppointmentRequested r => Hold(connection, transaction, InsertHold, r.BookingId, r.ResourceId, r.Start, r.End, r.ClinicId, cancellationToken),
        AppointmentRescheduled r => Hold(connection, transaction, MoveHold, r.BookingId, r.ResourceId, r.Start, r.End, null, cancellationToken),
        AppointmentCancelled c => Release(connection, transaction, c.BookingId, cancellationToken),
        AppointmentDeclined d => Release(connection, transaction, d.BookingId, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static async Task Hold(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        Guid booking, Guid resource, DateTimeOffset start, DateTimeOffset end, Guid? clinic, CancellationToken cancellationToken)
    {
        // Writers for one resource queue here, so the exclusion constraint always checks against a committed
        // rival: two uncommitted conflicting inserts would each wait for the other, and one would die as a deadlock.
        await using var batch = new NpgsqlBatch(connection, transaction);
        var queue = new NpgsqlBatchCommand("select pg_advisory_xact_lock(hashtextextended($1::text, 0))");
        queue.Parameters.AddWithValue(resource);
        var hold = new NpgsqlBatchCommand(sql);
        hold.Parameters.AddWithValue(booking);
        hold.Parameters.AddWithValue(resource);
        hold.Parameters.AddWithValue(start);
        hold.Parameters.AddWithValue(end);
        if (clinic is { } clinicId)
            hold.Parameters.AddWithValue(clinicId);
        batch.BatchCommands.Add(queue);
        batch.BatchCommands.Add(hold);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw new SlotTakenException(new ResourceId(resource), new TimeSlot(start, end));
        }
    }

    private static async Task Release(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid booking, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("delete from booking.slot_holds where booking_id = $1", connection, transaction);
        command.Parameters.AddWithValue(booking);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
