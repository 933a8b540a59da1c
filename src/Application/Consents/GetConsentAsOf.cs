using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>What an as-of answer is computed from: the consent periods, or a replay of the owner's events.</summary>
public static class ConsentReplaySources
{
    public const string Projection = "projection";
    public const string Events = "events";
}

/// <summary>
/// Where every purpose the clinic offers stood, on every channel it offers it on, at <see cref="At"/> (now if not
/// given), for auditors: from the consent periods or by replaying the owner's events. Both must agree.
/// </summary>
public sealed record GetConsentAsOfQuery(Guid Clinic, Guid Owner, DateTimeOffset? At, string? Source = null) : IQuery<ConsentAsOf>, IAuditRequest;

public sealed record ConsentAsOf(Guid ClinicId, Guid OwnerId, DateTimeOffset At, string Source, IReadOnlyList<ConsentState> Consents) : IShowsOwnerData
{
    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => $"consent as of {At:O}";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => [OwnerId];
}

public sealed class GetConsentAsOfValidator : AbstractValidator<GetConsentAsOfQuery>
{
    public GetConsentAsOfValidator() =>
        RuleFor(q => q.Source).Must(s => s is null or ConsentReplaySources.Projection or ConsentReplaySources.Events)
            .WithMessage($"Say '{ConsentReplaySources.Projection}' or '{ConsentReplaySources.Events}'.");
}

public sealed class GetConsentAsOfHandler(IConsentReports reports, IConsentLedgers ledgers, IConsentPurposes purposes, TimeProvider clock)
    : IQueryHandler<GetConsentAsOfQuery, ConsentAsOf>
{
    public async ValueTask<ConsentAsOf> Handle(GetConsentAsOfQuery query, CancellationToken cancellationToken)
    {
        var at = query.At ?? clock.GetUtcNow();
        var source = query.Source ?? ConsentReplaySources.Projection;
        var states = source == ConsentReplaySources.Events
            ? await ReplayAsync(new ClinicId(query.Clinic), new OwnerId(query.Owner), at, cancellationToken)
            : await reports.AsOfAsync(query.Clinic, query.Owner, at, cancellationToken);
        return new ConsentAsOf(query.Clinic, query.Owner, at, source, states);
    }

    private async Task<IReadOnlyList<ConsentState>> ReplayAsync(ClinicId clinic, OwnerId owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var offered = purposes.ForClinicAsync(clinic.Value, cancellationToken); // read beside the stream: the replay's latency is its round trips
        var stream = await ledgers.LoadAsync(owner, clinic, cancellationToken);
        return StatesAt(ConsentLedger.AsOf(owner, clinic, stream.Events.Select(e => (IConsentEvent)e.Event), at), await offered, at);
    }

    /// <summary>The ledger's standing on every offered pair, shaped as the consent periods report it.</summary>
    public static IReadOnlyList<ConsentState> StatesAt(ConsentLedger ledger, IReadOnlyList<ConsentPurpose> offered, DateTimeOffset at) =>
        offered.SelectMany(purpose => purpose.Channels.Select(channel =>
        {
            var status = ledger.StatusOf(purpose, channel, at);
            var standing = ledger.StandingOf(purpose.Key, channel);
            return status switch
            {
                ConsentStatus.Never => new ConsentState(purpose.Key, channel, status, null, null, null),
                ConsentStatus.Withdrawn => new ConsentState(purpose.Key, channel, status, standing!.Since, null, standing.Source),
                _ => new ConsentState(purpose.Key, channel, status, standing!.Since, standing.NoticeVersion, standing.Source),
            };
        }))
        .ToList();
}
