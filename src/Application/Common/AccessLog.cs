using Mediator;
using VetOS.Domain;

namespace VetOS.Application.Common;

/// <summary>An answer that shows owners' personal data. When anyone but the owner receives it, the read is logged.</summary>
public interface IShowsOwnerData
{
    Guid Clinic { get; }

    /// <summary>What was read, e.g. <c>owner profile</c> or <c>day schedule 2026-11-23</c>; never personal data itself.</summary>
    string Record { get; }

    IEnumerable<Guid> OwnersShown { get; }
}

public sealed record AccessLogEntry(DateTimeOffset At, Guid Clinic, Guid Reader, ActorRole ReaderRole, Guid Owner, string Record);

/// <summary>The log of staff (and auditor) reads of owners' personal data: who, when, which record, which clinic.</summary>
public interface IAccessLog
{
    Task RecordAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessLogEntry>> FindAsync(AccessLogFilter filter, CancellationToken cancellationToken);

    /// <summary>The owners whose data was read in [from, to), by one reader or by anyone, most read first.</summary>
    Task<IReadOnlyList<OwnerRead>> OwnersReadAsync(Guid clinic, DateTimeOffset from, DateTimeOffset to, Guid? reader, CancellationToken cancellationToken);
}

public sealed record AccessLogFilter(Guid Clinic, Guid? Owner, Guid? Reader, DateTimeOffset? From, DateTimeOffset? To, int Limit);

/// <summary>Logs every read of owners' personal data by someone other than the owner, after the read succeeded.</summary>
public sealed class AccessLogBehavior<TMessage, TResponse>(ICurrentActor current, IAccessLog log, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is IShowsOwnerData shown && current.Actor is { } reader)
        {
            var now = clock.GetUtcNow();
            var entries = shown.OwnersShown
                .Where(owner => !(reader.Role == ActorRole.Owner && reader.Id == owner))
                .Distinct()
                .Select(owner => new AccessLogEntry(now, shown.Clinic, reader.Id, reader.Role, owner, shown.Record))
                .ToList();
            if (entries.Count > 0)
                await log.RecordAsync(entries, cancellationToken);
        }
        return response;
    }
}
