using Mediator;

namespace VetOS.Application.Messaging.Outbox;

/// <summary>Development and demo only: the latest messages the local outbox kept instead of sending them, newest first.</summary>
public sealed record ListOutboxMessagesQuery(int Count) : IQuery<IReadOnlyList<OutboxMessage>>;

public sealed record OutboxMessage(Guid Id, string Channel, string Recipient, string Subject, string Body, string Template, DateTimeOffset CreatedAt);

/// <summary>The messages kept by the provider that stands in when no Postmark or Twilio keys are set.</summary>
public interface IOutbox
{
    Task<IReadOnlyList<OutboxMessage>> LatestAsync(int count, CancellationToken cancellationToken);
}

public sealed class ListOutboxMessagesHandler(IOutbox outbox) : IQueryHandler<ListOutboxMessagesQuery, IReadOnlyList<OutboxMessage>>
{
    public async ValueTask<IReadOnlyList<OutboxMessage>> Handle(ListOutboxMessagesQuery query, CancellationToken cancellationToken) =>
        await outbox.LatestAsync(query.Count, cancellationToken);
}
