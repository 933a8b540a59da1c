using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Domain.Events;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Projections;

/// <summary>
/// What a projection handler writes with. Writes are queued and sent, with the projection's checkpoint, as one
/// batch in one transaction and one round trip. A handler may read what it needs first (asynchronously), but it
/// writes only through here, so each event's writes take effect exactly once.
/// </summary>
public sealed class ProjectionContext(NpgsqlBatch batch, StoredEvent stored)
{
    public StoredEvent Stored { get; } = stored;

    public void Execute(string sql, params object?[] parameters) => batch.BatchCommands.Add(Sql.BatchCommand(sql, parameters));
}

/// <summary>A read model built from events: one handler per event type, registered with <see cref="On{TEvent}"/>.</summary>
public abstract class Projection
{
    private readonly HashSet<string> handledTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Func<object, ProjectionContext, CancellationToken, Task>> handlers = [];

    /// <summary>A stable name: the checkpoint and the advisory lock are keyed by it.</summary>
    public abstract string Name { get; }

    /// <summary>Only events of this stream category reach the projection; null for all.</summary>
    public virtual string? Category => null;

    public bool Handles(string eventType) => handledTypes.Contains(eventType);

    protected void On<TEvent>(Action<TEvent, ProjectionContext> handler) where TEvent : class =>
        On<TEvent>((e, context, _) =>
        {
            handler(e, context);
            return Task.CompletedTask;
        });

    /// <summary>A handler that reads before it writes.</summary>
    protected void On<TEvent>(Func<TEvent, ProjectionContext, CancellationToken, Task> handler) where TEvent : class
    {
        handledTypes.Add(typeof(TEvent).GetCustomAttributes(typeof(EventTypeAttribute), false).Cast<EventTypeAttribute>().Single().Name);
        handlers[typeof(TEvent)] = (e, context, cancellationToken) => handler((TEvent)e, context, cancellationToken);
    }

    public Task ApplyAsync(ProjectionContext context, CancellationToken cancellationToken) =>
        handlers.TryGetValue(context.Stored.Event.GetType(), out var handler)
            ? handler(context.Stored.Event, context, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Empties the read model so it can be rebuilt from the first event.</summary>
    public abstract Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
