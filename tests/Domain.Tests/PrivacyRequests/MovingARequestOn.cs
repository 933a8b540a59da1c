using VetOS.Domain.PrivacyRequests;
using static VetOS.Domain.Tests.PrivacyRequests.PrivacyRequestSpec;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>Received, identity verified, in progress, then completed or partly refused; nothing is disclosed or closed before identity is verified, and nothing moves once closed.</summary>
public sealed class MovingARequestOn
{
    [Fact]
    public void Staff_verify_the_requesters_identity_and_become_its_handler() =>
        Given(Filed())
            .When(r => r.VerifyIdentity("photo ID at the desk", Admin, Now))
            .Then(PrivacyRequestStatus.IdentityVerified, "identity verified", "photo ID at the desk")
            .Should().Match<PrivacyRequest>(r => r.Handler == Admin.Id && r.Verification == "photo ID at the desk");

    [Fact]
    public void Staff_logging_a_request_with_how_they_verified_the_person_log_it_verified()
    {
        var logged = (IPrivacyRequestEvent)PrivacyRequest.LogByStaff(Guid.NewGuid(), Clinic, Alice, PrivacyRequestKind.Erasure, "phone",
            "called back on the number on file", "", At(2026, 2, 20, 16, 0), TimeZoneInfo.Utc, Admin, Now).Events.Single();
        var request = PrivacyRequest.None.Apply(logged);

        (request.Status, request.Handler, request.DueAt).Should().Be((PrivacyRequestStatus.IdentityVerified, Admin.Id, At(2026, 3, 20, 16, 0)));
        PrivacyRequestStep.Of(logged).Should().Be(new PrivacyRequestStep(Now, Admin.Tag, "logged", "received by phone; identity verified: called back on the number on file"));
    }

    [Fact]
    public void Start_a_verified_request() =>
        Given(Verified())
            .When(r => r.Start(Admin, Now))
            .Then(PrivacyRequestStatus.InProgress, "in progress", "");

    [Fact]
    public void Complete_a_verified_request_with_its_outcome() =>
        Given(Verified())
            .When(r => r.Complete("Export sent", Admin, Now))
            .Then(PrivacyRequestStatus.Completed, "completed", "Export sent")
            .Outcome.Should().Be("Export sent");

    [Fact]
    public void Partly_refuse_a_request_in_progress_with_the_reasons() =>
        Given(Verified().After(r => r.Start(Admin, Now)))
            .When(r => r.PartlyRefuse("Clinical records kept by law", Admin, Now))
            .Then(PrivacyRequestStatus.PartlyRefused, "partly refused", "Clinical records kept by law");

    [Fact]
    public void Cannot_start_before_identity_is_verified() =>
        Given(Filed()).When(r => r.Start(Admin, Now)).ThenFails(PrivacyRequestErrors.NotVerified);

    [Fact]
    public void Cannot_complete_before_identity_is_verified() =>
        Given(Filed()).When(r => r.Complete("Export sent", Admin, Now)).ThenFails(PrivacyRequestErrors.NotVerified);

    [Fact]
    public void Cannot_partly_refuse_before_identity_is_verified() =>
        Given(Filed()).When(r => r.PartlyRefuse("No", Admin, Now)).ThenFails(PrivacyRequestErrors.NotVerified);

    [Fact]
    public void Cannot_verify_identity_twice() =>
        Given(Verified()).When(r => r.VerifyIdentity("again", Admin, Now)).ThenFails(PrivacyRequestErrors.AlreadyVerified);

    [Fact]
    public void Cannot_complete_a_completed_request_again() =>
        Given(Completed()).When(r => r.Complete("Again", Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Cannot_partly_refuse_a_completed_request() =>
        Given(Completed()).When(r => r.PartlyRefuse("No", Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Cannot_start_a_completed_request() =>
        Given(Completed()).When(r => r.Start(Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Cannot_verify_identity_on_a_completed_request() =>
        Given(Completed()).When(r => r.VerifyIdentity("late", Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Cannot_complete_a_partly_refused_request() =>
        Given(PartlyRefused()).When(r => r.Complete("Export sent", Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Cannot_extend_a_partly_refused_request() =>
        Given(PartlyRefused()).When(r => r.Extend(1, "More time", Admin, Now)).ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void Refused_transitions_have_stable_codes() =>
        new[]
        {
            PrivacyRequestErrors.Closed, PrivacyRequestErrors.NotVerified, PrivacyRequestErrors.AlreadyVerified,
            PrivacyRequestErrors.ExtensionTooLong, PrivacyRequestErrors.ExtensionNeedsReason,
        }.Select(e => e.Code).Should().Equal(
            "request-closed", "identity-not-verified", "identity-already-verified", "extension-too-long", "extension-needs-reason");
}
