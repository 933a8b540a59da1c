using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Domain.Events;

namespace VetOS.Infrastructure.Projections;

/// <summary>What a projection handler writes with: the transaction that also moves the projection's checkpoint.</summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, StoredEvent Stored)
{
    public NpgsqlCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        return command;
    }
}

/// <summary>A read model built from events: one handler per event type, registered with <see cref="On{TEvent}"/>.</summary>
public abstract class Projection
{
    private readonly Dictionary<string, Func<object, ProjectionContext, CancellationToken, Task>> handlers = new(StringComparer.Ordinal);

    /// <summary>A stable name: the checkpoint and the advisory lock are keyed by it.</summary>
    public abstract string Name { get; }

    /// <summary>Only events of this stream category reach the projection; null for all.</summary>
    public virtual string? Category => null;

    public bool Handles(string eventType) => handlers.ContainsKey(eventType);

    protected void On<TEvent>(Func<TEvent, ProjectionContext, CancellationToken, Task> handler) where TEvent : class
    {
        var name = typeof(TEvent).GetCustomAttributes(typeof(EventTypeAttribute), false).Cast<EventTypeAttribute>().Single().Name;
        handlers[name] = (e, context, ct) => handler((TEvent)e, context, ct);
    }

    public Task ApplyAsync(ProjectionContext context, CancellationToken cancellationToken) =>
        handlers.TryGetValue(TypeName(context.Stored.Event), out var handler)
            ? handler(context.Stored.Event, context, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Empties the read model so it can be rebuilt from the first event.</summary>
    public abstract Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    private static string TypeName(object e) =>
        e.GetType().GetCustomAttributes(typeof(EventTypeAttribute), false).Cast<EventTypeAttribute>().Single().Name;
}
