using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>What a change did: the changed part's new revision (and the pet's id), or the rule it broke.</summary>
public sealed record OwnerResult(Guid? Pet, long Revision, OwnerError? Error)
{
    /// <summary>The part changed since the revision the client last read (its If-Match).</summary>
    public static readonly OwnerError Stale = new("changed-since-read", "It changed since you last read it; reload it and try again.");

    public static OwnerResult Refused(OwnerError error) => new(null, -1, error);
}
