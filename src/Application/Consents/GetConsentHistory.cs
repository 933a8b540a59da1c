using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>Every consent event of one owner at the clinic, oldest first, with its evidence and chain hash: for auditors.</summary>
public sealed record GetConsentHistoryQuery(Guid Clinic, Guid Owner) : IQuery<ConsentHistory>, IAuditRequest;

public sealed record ConsentHistory(Guid ClinicId, Guid OwnerId, IReadOnlyList<ConsentHistoryEntry> Events) : IShowsOwnerData
{
    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => "consent history";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => [OwnerId];
}

/// <summary>
/// One change with its evidence as recorded. After an erasure the IP address, browser and note read as the
/// serializer gives them back ("erased"); purposes, channels, times and sources remain.
/// </summary>
public sealed record ConsentHistoryEntry(
    long Revision, string Change, string Purpose, string Channel, string Source, string By, DateTimeOffset At,
    int? NoticeVersion, string? NoticeHash, string? IpAddress, string? UserAgent, string? MessageId, string? Note, string? Hash);

public sealed class GetConsentHistoryHandler(IConsentReports reports) : IQueryHandler<GetConsentHistoryQuery, ConsentHistory>
{
    public async ValueTask<ConsentHistory> Handle(GetConsentHistoryQuery query, CancellationToken cancellationToken)
    {
        var events = await reports.HistoryAsync(query.Clinic, query.Owner, cancellationToken);
        return new ConsentHistory(query.Clinic, query.Owner, events.Select(EntryOf).OfType<ConsentHistoryEntry>().ToList());
    }

    private static ConsentHistoryEntry? EntryOf(ChainedEvent e) => e.Stored.Event is IConsentChoice c
        ? new(e.Stored.Revision, c.Granted ? ConsentChanges.Granted : ConsentChanges.Withdrawn, c.Purpose, c.Channel, c.Source, c.By, c.At,
            c.NoticeVersion, c.NoticeHash, c.IpAddress, c.UserAgent, c.MessageId, c.Note, e.Hash)
        : null;
}
