namespace VetOS.Domain.Consents;

/// <summary>The rules for giving and withdrawing consent, as pure decisions. Withdrawing is one step, as easy as giving.</summary>
public static class Consent
{
    public static ConsentDecision Decide(ConsentLedger state, ChooseConsent c, ConsentPurpose? purpose)
    {
        if (purpose is null)
            return ConsentErrors.UnknownPurpose;
        if (!purpose.Channels.Contains(c.Channel))
            return ConsentErrors.ChannelNotOffered;
        if (WhoMayNot(c) is { } refusal)
            return refusal;

        var notice = purpose.NoticeAt(c.Now);
        var shown = c.Evidence.Source == ConsentSources.InboundMessage ? notice : purpose.Notices.FirstOrDefault(n => n.Version == c.NoticeVersion);
        if (c.Granted && (notice is null || shown?.Version != notice.Version))
            return ConsentErrors.NoticeOutdated;

        var status = state.StatusOf(purpose, c.Channel, c.Now);
        if (c.Granted && status == ConsentStatus.Granted && state.StandingOf(purpose.Key, c.Channel)!.NoticeVersion == notice!.Version)
            return ConsentDecision.Accept();
        if (!c.Granted && status is ConsentStatus.Never or ConsentStatus.Withdrawn)
            return ConsentDecision.Accept();

        var e = c.Evidence;
        var by = c.By?.Tag ?? $"{ConsentSources.InboundMessage}:{e.MessageId}";
        shown ??= notice;
        return c.Granted
            ? ConsentDecision.Accept(new ConsentGranted(c.Owner.Value, c.Clinic.Value, purpose.Key, c.Channel, e.Source, shown?.Version, shown?.Hash,
                e.IpAddress, e.UserAgent, e.MessageId, e.Note, by, c.Now))
            : ConsentDecision.Accept(new ConsentWithdrawn(c.Owner.Value, c.Clinic.Value, purpose.Key, c.Channel, e.Source, shown?.Version, shown?.Hash,
                e.IpAddress, e.UserAgent, e.MessageId, e.Note, by, c.Now));
    }

    /// <summary>The owner acts in the portal; staff act on the owner's word and say how; an inbound message speaks for its sender.</summary>
    private static ConsentError? WhoMayNot(ChooseConsent c) => c.Evidence.Source switch
    {
        ConsentSources.Portal when c.By is { Role: ActorRole.Owner } owner && owner.Id == c.Owner.Value => null,
        ConsentSources.Staff when c.By is { } staff && staff.IsStaffOf(c.Clinic) =>
            string.IsNullOrWhiteSpace(c.Evidence.Note) ? ConsentErrors.EvidenceMissing : null,
        ConsentSources.InboundMessage when c.By is null => string.IsNullOrWhiteSpace(c.Evidence.MessageId) ? ConsentErrors.EvidenceMissing : null,
        _ => ConsentErrors.NotYours,
    };
}
