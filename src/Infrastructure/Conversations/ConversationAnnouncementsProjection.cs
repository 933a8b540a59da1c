using Npgsql;
using VetOS.Application.Conversations;
using VetOS.Domain.Conversations;
using VetOS.Infrastructure.Messaging;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure.Conversations;

/// <summary>Queues the announcement of each new message, exactly once: the row commits with the checkpoint and carries a dedup key.</summary>
public sealed class ConversationAnnouncementsProjection : Projection
{
    public ConversationAnnouncementsProjection(ConversationAnnouncer announcer, TimeProvider clock)
    {
        On<OwnerWrote>((e, context, ct) => QueueAsync(announcer, clock, e, context, ct));
        On<ClinicWrote>((e, context, ct) => QueueAsync(announcer, clock, e, context, ct));
    }

    public override string Name => "conversation-announcements";

    public override string? Category => "conversation";

    /// <summary>Announcements are messages on record, not a disposable read model: a rebuild keeps them, and dedup keys keep it from queuing any twice.</summary>
    public override Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task QueueAsync(ConversationAnnouncer announcer, TimeProvider clock, IConversationEvent e, ProjectionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await announcer.AnnounceAsync(e, context.Stored.Revision, now, ct) is not { } message)
            return;
        context.Execute(MessageRows.Insert, MessageRows.Parameters(message, now));
        context.Execute(MessageRows.Notify);
    }
}
