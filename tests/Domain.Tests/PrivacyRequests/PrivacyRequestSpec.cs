using VetOS.Domain.PrivacyRequests;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>Given a request, when someone acts on it, then it moves on with a step for the record, or a rule is broken.</summary>
public sealed class PrivacyRequestSpec
{
    public static readonly ClinicId Clinic = new(Guid.Parse("c1a1c000-0000-0000-0000-000000000001"));
    public static readonly OwnerId Alice = new(Guid.Parse("a11ce000-0000-0000-0000-000000000001"));
    public static readonly Actor Admin = new(Guid.Parse("ad000000-0000-0000-0000-000000000001"), ActorRole.ClinicAdmin, Clinic);
    public static readonly DateTimeOffset Now = At(2026, 3, 2, 9, 0);

    private readonly PrivacyRequest given;
    private PrivacyRequestChange? change;

    private PrivacyRequestSpec(PrivacyRequest given) => this.given = given;

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Alice's access request, filed through the portal, not yet verified.</summary>
    public static PrivacyRequest Filed(DateTimeOffset? receivedAt = null, PrivacyRequestKind kind = PrivacyRequestKind.Access) =>
        PrivacyRequest.FiledByOwner(Guid.Parse("4e000000-0000-0000-0000-000000000001"), Clinic, Alice, kind, "All you hold about me", receivedAt ?? Now).Item1;

    public static PrivacyRequest Verified(DateTimeOffset? receivedAt = null, PrivacyRequestKind kind = PrivacyRequestKind.Access) =>
        Filed(receivedAt, kind).VerifyIdentity("photo ID at the desk", Admin, Now).Next!;

    public static PrivacyRequest Completed() => Verified().Complete("Export sent", Admin, Now).Next!;

    public static PrivacyRequest PartlyRefused() => Verified().PartlyRefuse("Clinical records kept by law", Admin, Now).Next!;

    public static PrivacyRequestSpec Given(PrivacyRequest request) => new(request);

    public PrivacyRequestSpec When(Func<PrivacyRequest, PrivacyRequestChange> act)
    {
        change = act(given);
        return this;
    }

    public PrivacyRequest Then(PrivacyRequestStatus status, string what, string note)
    {
        change!.Error.Should().BeNull();
        change.Next!.Status.Should().Be(status);
        change.Next.Revision.Should().Be(given.Revision + 1);
        change.Step.Should().Be(new PrivacyRequestStep(Now, Admin.Tag, what, note));
        return change.Next;
    }

    public void ThenFails(PrivacyRequestError error)
    {
        change!.Error.Should().Be(error);
        (change.Next, change.Step).Should().Be(((PrivacyRequest?)null, (PrivacyRequestStep?)null));
    }
}
