namespace VetOS.Domain;

/// <summary>The outcome of a decision: the new events (none when nothing changes), or the rule that was broken.</summary>
public abstract record Decision<TError>(IReadOnlyList<object> Events, TError? Error) where TError : class
{
    public bool IsRefused => Error is not null;
}
