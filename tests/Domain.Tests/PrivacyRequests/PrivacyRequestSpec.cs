using VetOS.Domain.PrivacyRequests;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>Given a request, when someone acts on it, then it moves on by an event that is a step for the record, or a rule is broken.</summary>
public sealed class PrivacyRequestSpec
{
    public static readonly ClinicId Clinic = new(Guid.Parse("c1a1c000-0000-0000-0000-000000000001"));
    public static readonly OwnerId Alice = new(Guid.Parse("a11ce000-0000-0000-0000-000000000001"));
    public static readonly Actor Admin = new(Guid.Parse("ad000000-0000-0000-0000-000000000001"), ActorRole.ClinicAdmin, Clinic);
    public static readonly DateTimeOffset Now = At(2026, 3, 2, 9, 0);

    private readonly PrivacyRequest given;
    private PrivacyRequestDecision? decision;

    private PrivacyRequestSpec(PrivacyRequest given) => this.given = given;

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Alice's access request, filed through the portal at a clinic on <paramref name="calendar"/> (UTC unless said), not yet verified.</summary>
    public static PrivacyRequest Filed(DateTimeOffset? receivedAt = null, PrivacyRequestKind kind = PrivacyRequestKind.Access, string calendar = "UTC") =>
        PrivacyRequest.None.After(_ => PrivacyRequest.FileByOwner(Guid.Parse("4e000000-0000-0000-0000-000000000001"), Clinic, Alice, kind,
            "All you hold about me", TimeZoneInfo.FindSystemTimeZoneById(calendar), receivedAt ?? Now));

    public static PrivacyRequest Verified(DateTimeOffset? receivedAt = null, PrivacyRequestKind kind = PrivacyRequestKind.Access) =>
        Filed(receivedAt, kind).After(r => r.VerifyIdentity("photo ID at the desk", Admin, Now));

    public static PrivacyRequest Completed() => Verified().After(r => r.Complete("Export sent", Admin, Now));

    public static PrivacyRequest PartlyRefused() => Verified().After(r => r.PartlyRefuse("Clinical records kept by law", Admin, Now));

    public static PrivacyRequestSpec Given(PrivacyRequest request) => new(request);

    public PrivacyRequestSpec When(Func<PrivacyRequest, PrivacyRequestDecision> act)
    {
        decision = act(given);
        return this;
    }

    /// <summary>One event, by the admin now, whose step reads as given; returns the request after it.</summary>
    public PrivacyRequest Then(PrivacyRequestStatus status, string what, string note)
    {
        decision!.Error.Should().BeNull();
        var decided = decision.Events.Should().ContainSingle().Which.Should().BeAssignableTo<IPrivacyRequestEvent>().Subject;
        PrivacyRequestStep.Of(decided).Should().Be(new PrivacyRequestStep(Now, Admin.Tag, what, note));
        var next = given.Apply(decided);
        next.Status.Should().Be(status);
        next.Revision.Should().Be(given.Revision + 1);
        return next;
    }

    public void ThenFails(PrivacyRequestError error)
    {
        decision!.Error.Should().Be(error);
        decision.Events.Should().BeEmpty();
    }
}

public static class PrivacyRequestHistory
{
    /// <summary>The request after what <paramref name="act"/> decided, for the givens of a spec.</summary>
    public static PrivacyRequest After(this PrivacyRequest request, Func<PrivacyRequest, PrivacyRequestDecision> act) =>
        act(request).Events.Cast<IPrivacyRequestEvent>().Aggregate(request, (state, e) => state.Apply(e));
}
