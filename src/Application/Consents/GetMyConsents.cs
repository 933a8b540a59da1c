using FluentValidation;
using Mediator;
using VetOS.Application.Bookings;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// The signed-in owner's consents at one of their clinics: every purpose on every channel it is offered on, where
/// each stands, the notice in force, and every change with its evidence, newest first. Null when not a client.
/// </summary>
public sealed record GetMyConsentsQuery(Guid Clinic) : IQuery<MyConsents?>, IAuthenticatedRequest;

public sealed record MyConsents(Guid ClinicId, IReadOnlyList<PurposeConsents> Purposes, IReadOnlyList<MyConsentChange> History);

public sealed record PurposeConsents(string Purpose, string Name, NoticeView? Notice, IReadOnlyList<ChannelConsent> Channels);

public sealed record NoticeView(int Version, string Wording, string Hash, bool Material, DateTimeOffset PublishedAt);

/// <summary>One choice as recorded: what, when, by whom and through what, with the evidence (the portal's IP address and browser, a message id, staff's note).</summary>
public sealed record MyConsentChange(
    DateTimeOffset At, string Purpose, string Channel, string Change, string Source, int? NoticeVersion, string? NoticeHash,
    string? IpAddress, string? UserAgent, string? MessageId, string? Note, string By);

public sealed class GetMyConsentsValidator : AbstractValidator<GetMyConsentsQuery>
{
    public GetMyConsentsValidator() => RuleFor(q => q.Clinic).NotEmpty();
}

public sealed class GetMyConsentsHandler(IConsentLedgers ledgers, IConsentPurposes purposes, IPetDirectory clients, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<GetMyConsentsQuery, MyConsents?>
{
    public async ValueTask<MyConsents?> Handle(GetMyConsentsQuery query, CancellationToken cancellationToken)
    {
        var (owner, clinic) = (current.SignedInOwner(), new ClinicId(query.Clinic));
        if (!await clients.IsClientAsync(owner, clinic, cancellationToken))
            return null;
        var details = await purposes.DetailsAsync(query.Clinic, cancellationToken);
        var stream = await ledgers.LoadAsync(owner, clinic, cancellationToken);
        var now = clock.GetUtcNow();
        var consents = details.Select(p =>
        {
            var rules = p.Rules;
            var notice = rules.NoticeAt(now) is { } inForce ? p.Notices.Single(n => n.Version == inForce.Version) : null;
            return new PurposeConsents(p.Key, p.Name,
                notice is null ? null : new NoticeView(notice.Version, notice.Wording, notice.Hash, notice.Material, notice.PublishedAt),
                p.Channels.Select(channel => ChannelConsent.Of(stream.Ledger, rules, channel, now)).ToList());
        }).ToList();
        var history = stream.Events.Select(e => e.Event).OfType<IConsentChoice>()
            .Select(c => new MyConsentChange(c.At, c.Purpose, c.Channel, c.Granted ? "granted" : "withdrawn", c.Source, c.NoticeVersion, c.NoticeHash,
                c.IpAddress, c.UserAgent, c.MessageId, c.Note, c.By))
            .Reverse().ToList();
        return new MyConsents(query.Clinic, consents, history);
    }
}
