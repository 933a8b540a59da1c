using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Domain.Bookings;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// Queues the messages booking events call for (the owner's notice of each change, the reminders of a confirmed time)
/// and drops reminders a move or a cancellation made stale. The rows commit with the checkpoint, and each has a dedup
/// key, so each event's messages are queued exactly once, even on a rebuild.
/// </summary>
public sealed class BookingMessagesProjection : Projection
{
    public BookingMessagesProjection(BookingMessageComposer composer, TimeProvider clock)
    {
        On<AppointmentRequested>((e, context, ct) => QueueAsync(composer, clock, e.BookingId, e, context, ct));
        On<AppointmentConfirmed>((e, context, ct) => QueueAsync(composer, clock, e.BookingId, e, context, ct));
        On<AppointmentDeclined>((e, context, ct) => QueueAsync(composer, clock, e.BookingId, e, context, ct));
        On<AppointmentRescheduled>((e, context, ct) => QueueAsync(composer, clock, e.BookingId, e, context, ct));
        On<AppointmentCancelled>((e, context, ct) => QueueAsync(composer, clock, e.BookingId, e, context, ct));
    }

    public override string Name => "booking-messages";

    public override string? Category => "booking";

    /// <summary>Messages are a record, not a disposable read model: a rebuild keeps them, and dedup keys keep it from queuing any twice.</summary>
    public override Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task QueueAsync(
        BookingMessageComposer composer, TimeProvider clock, Guid booking, object e, ProjectionContext context, CancellationToken cancellationToken)
    {
        var plan = await composer.ComposeAsync(booking, e, context.Stored.Revision, cancellationToken);
        var now = clock.GetUtcNow();
        if (plan.DropRemindersBecause is { } reason)
            context.Execute(MessageRows.DropReminders, booking, reason, now);
        foreach (var message in plan.Messages)
            context.Execute(MessageRows.Insert, MessageRows.Parameters(message, now));
        if (plan.Messages.Any(m => m.DueAt <= now.AddSeconds(5)))
            context.Execute(MessageRows.Notify);
    }
}
