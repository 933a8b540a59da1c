using VetOS.Application.EventStore;
using VetOS.Domain;

namespace VetOS.Application.Commands;

/// <summary>An aggregate's stream as the command service writes it: load the state with its revision, fold new events, append.</summary>
public interface IAggregateStream<TId, TState>
{
    Task<(TState State, long Revision)> LoadAsync(TId id, CancellationToken cancellationToken);

    TState Evolve(TState state, object @event);

    /// <summary>Fails with <see cref="WrongExpectedRevisionException"/> when the stream moved past <paramref name="expectedRevision"/>.</summary>
    Task<long> AppendAsync(TId id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>What one command decided on one reading of its stream, and who decided it when (the events' metadata).</summary>
public sealed record Decided<TError>(Decision<TError> Decision, string By, DateTimeOffset At) where TError : class;

/// <summary>What became of a command: the state after it and the stream's revision, or the rule it broke.</summary>
public sealed record Handled<TState, TError>(TState State, long Revision, TError? Error, DateTimeOffset At) where TError : class;

/// <summary>
/// How often a command that lost a race is decided again on the stream as it is now. When none is left, the
/// <see cref="WrongExpectedRevisionException"/> goes to the caller.
/// </summary>
public sealed record Retries(int Attempts)
{
    public static readonly Retries None = new(1);

    public static Retries UpTo(int attempts) => new(attempts);
}

/// <summary>
/// The one way a command runs, for every aggregate: load its stream, decide, append with the revision it was decided on;
/// on a race, under <see cref="Retries"/>, again from the new stream. Each aggregate brings only its stream and its decide.
/// </summary>
public static class CommandService
{
    public static async Task<Handled<TState, TError>> HandleAsync<TId, TState, TError>(
        IAggregateStream<TId, TState> stream, TId id, Retries retries,
        Func<TState, long, CancellationToken, Task<Decided<TError>>> decide, CancellationToken cancellationToken)
        where TError : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, revision) = await stream.LoadAsync(id, cancellationToken);
            try
            {
                return await DecideAndAppendAsync(stream, id, state, revision, decide, cancellationToken);
            }
            catch (WrongExpectedRevisionException) when (attempt < retries.Attempts)
            {
            }
        }
    }

    /// <summary>Decides on a state already read (at <paramref name="revision"/>) and appends; a race goes to the caller.</summary>
    public static async Task<Handled<TState, TError>> DecideAndAppendAsync<TId, TState, TError>(
        IAggregateStream<TId, TState> stream, TId id, TState state, long revision,
        Func<TState, long, CancellationToken, Task<Decided<TError>>> decide, CancellationToken cancellationToken)
        where TError : class
    {
        var (decision, by, at) = await decide(state, revision, cancellationToken);
        if (decision.Error is { } error)
            return new(state, revision, error, at);
        if (decision.Events.Count == 0)
            return new(state, revision, null, at);
        var saved = await stream.AppendAsync(id, revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by, at), cancellationToken);
        return new(decision.Events.Aggregate(state, stream.Evolve), saved, null, at);
    }
}
