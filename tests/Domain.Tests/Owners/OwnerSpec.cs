using VetOS.Domain.Owners;

namespace VetOS.Domain.Tests.Owners;

/// <summary>Given (Alice's past events) / When (a command) / Then (new events), ThenNothing, or ThenFails (the broken rule).</summary>
internal static class OwnerSpec
{
    public static Spec<OwnerCommand, OwnerError> Given(params IOwnerEvent[] events) =>
        new(command => Owner.Decide(OwnerRecord.From(People.Alice, events), command));
}
