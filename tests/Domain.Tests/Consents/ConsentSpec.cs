using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

/// <summary>
/// Given (Alice's past consent events at Riverside) / When (a choice) / Then (new events), ThenNothing, or ThenFails
/// (the broken rule), against the pure <see cref="Consent.Decide"/> and the purpose as the clinic set it up.
/// </summary>
internal static class ConsentSpec
{
    public static Scenario Given(params IConsentEvent[] events) => new(events, Reminders.Purpose());

    internal sealed class Scenario(IConsentEvent[] history, ConsentPurpose? purpose)
        : Spec<ChooseConsent, ConsentError>(command => Consent.Decide(ConsentLedger.From(Alice, Riverside, history), command, purpose))
    {
        /// <summary>Decide against another purpose (other channels, later notices), or none.</summary>
        public Scenario Under(ConsentPurpose? other) => new(history, other);
    }
}
