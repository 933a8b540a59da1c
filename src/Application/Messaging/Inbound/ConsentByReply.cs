using Mediator;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Messaging.Inbound;

/// <summary>
/// STOP and START, through the inbound-consent command with the message id as evidence. One sender number serves every
/// clinic, and a carrier's STOP blocks that number outright, so a STOP withdraws consent on its channel for every purpose
/// at every clinic the owner is a client of; START restores only what an inbound message withdrew.
/// </summary>
public sealed class ConsentByReply(ISender sender, IConsentPurposes purposes, IConsentLedgers ledgers)
{
    public async Task WithdrawAsync(IReadOnlyList<PhoneOwner> owners, string channel, string messageSid, CancellationToken cancellationToken)
    {
        foreach (var (owner, clinic, purpose) in await OfferedAsync(owners, channel, cancellationToken))
            await sender.Send(new RecordInboundConsentCommand(owner, clinic, purpose.Key, channel, false, messageSid), cancellationToken);
    }

    public async Task RestoreAsync(IReadOnlyList<PhoneOwner> owners, string channel, string messageSid, CancellationToken cancellationToken)
    {
        foreach (var (owner, clinic, purpose) in await OfferedAsync(owners, channel, cancellationToken))
        {
            var standing = (await ledgers.LoadAsync(new OwnerId(owner), new ClinicId(clinic), cancellationToken)).Ledger.StandingOf(purpose.Key, channel);
            if (standing is { Granted: false, Source: ConsentSources.InboundMessage })
                await sender.Send(new RecordInboundConsentCommand(owner, clinic, purpose.Key, channel, true, messageSid), cancellationToken);
        }
    }

    private async Task<List<(Guid Owner, Guid Clinic, ConsentPurpose Purpose)>> OfferedAsync(
        IReadOnlyList<PhoneOwner> owners, string channel, CancellationToken cancellationToken)
    {
        var offered = new List<(Guid, Guid, ConsentPurpose)>();
        foreach (var owner in owners)
        foreach (var clinic in owner.Clinics)
        foreach (var purpose in await purposes.ForClinicAsync(clinic, cancellationToken))
        {
            if (purpose.Channels.Contains(channel))
                offered.Add((owner.Owner, clinic, purpose));
        }
        return offered;
    }
}
