using VetOS.Domain.PrivacyRequests;
using static VetOS.Domain.Tests.PrivacyRequests.PrivacyRequestSpec;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>A correction request is closed by correcting the contact details, recorded with who did it and why.</summary>
public sealed class Correcting
{
    [Fact]
    public void Correcting_the_contact_details_completes_a_correction_request_with_who_and_why() =>
        Given(Verified(kind: PrivacyRequestKind.Correction))
            .When(r => r.CompleteCorrection("Owner moved; new mobile confirmed by phone", Admin, Now))
            .Then(PrivacyRequestStatus.Completed, "contact details corrected", "Contact details corrected: Owner moved; new mobile confirmed by phone")
            .Handler.Should().Be(Admin.Id);

    [Fact]
    public void Cannot_close_an_access_request_as_a_correction() =>
        Given(Verified())
            .When(r => r.CompleteCorrection("Wrong phone", Admin, Now))
            .ThenFails(PrivacyRequestErrors.WrongKind);

    [Fact]
    public void Cannot_correct_without_saying_why() =>
        Given(Verified(kind: PrivacyRequestKind.Correction))
            .When(r => r.CompleteCorrection(" ", Admin, Now))
            .ThenFails(PrivacyRequestErrors.CorrectionNeedsReason);

    [Fact]
    public void Cannot_correct_before_identity_is_verified() =>
        Given(Filed(kind: PrivacyRequestKind.Correction))
            .When(r => r.CompleteCorrection("Wrong phone", Admin, Now))
            .ThenFails(PrivacyRequestErrors.NotVerified);

    [Fact]
    public void Cannot_correct_on_a_closed_request() =>
        Given(Verified(kind: PrivacyRequestKind.Correction).After(r => r.PartlyRefuse("Nothing to correct", Admin, Now)))
            .When(r => r.CompleteCorrection("Wrong phone", Admin, Now))
            .ThenFails(PrivacyRequestErrors.Closed);

    [Fact]
    public void The_owner_closes_their_own_correction_request_by_correcting_the_details_themselves_with_no_verifying()
    {
        var owner = Actor.Owner(Alice);

        var decided = Filed(kind: PrivacyRequestKind.Correction).CompleteCorrection("My new mobile", owner, Now);

        var completed = decided.Events.Should().ContainSingle().Which.Should().BeOfType<CorrectionRequestCompleted>().Subject;
        PrivacyRequestStep.Of(completed).Should().Be(new PrivacyRequestStep(Now, owner.Tag, "contact details corrected", "Contact details corrected: My new mobile"));
        Filed(kind: PrivacyRequestKind.Correction).Apply(completed).Status.Should().Be(PrivacyRequestStatus.Completed);
    }

    [Fact]
    public void Another_owner_finds_no_such_request() =>
        Given(Filed(kind: PrivacyRequestKind.Correction))
            .When(r => r.CompleteCorrection("Mine now", Actor.Owner(new OwnerId(Guid.Parse("b0b00000-0000-0000-0000-000000000001"))), Now))
            .ThenFails(PrivacyRequestErrors.NotFound);

    [Fact]
    public void The_owner_cannot_close_a_closed_one() =>
        Given(Verified(kind: PrivacyRequestKind.Correction).After(r => r.PartlyRefuse("Nothing to correct", Admin, Now)))
            .When(r => r.CompleteCorrection("My new mobile", Actor.Owner(Alice), Now))
            .ThenFails(PrivacyRequestErrors.Closed);
}
