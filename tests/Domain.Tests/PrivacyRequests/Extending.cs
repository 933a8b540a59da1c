using VetOS.Domain.PrivacyRequests;
using static VetOS.Domain.Tests.PrivacyRequests.PrivacyRequestSpec;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>The deadline may be extended by up to two more months in all, each time with a reason the owner is told.</summary>
public sealed class Extending
{
    [Fact]
    public void Extend_by_one_month_with_the_reason_recorded() =>
        Given(Verified())
            .When(r => r.Extend(1, "Records span three practices", Admin, Now))
            .Then(PrivacyRequestStatus.IdentityVerified, "extended by 1 month", "Records span three practices")
            .Should().Match<PrivacyRequest>(r => r.ExtendedByMonths == 1 && r.ExtensionReason == "Records span three practices");

    [Fact]
    public void Extend_by_two_months_at_once() =>
        Given(Verified())
            .When(r => r.Extend(2, "Complex request", Admin, Now))
            .Then(PrivacyRequestStatus.IdentityVerified, "extended by 2 months", "Complex request")
            .DueAt.Should().Be(Now.AddMonths(3));

    [Fact]
    public void Extend_twice_by_one_month_up_to_the_limit() =>
        Given(Verified().After(r => r.Extend(1, "First reason", Admin, Now)))
            .When(r => r.Extend(1, "Second reason", Admin, Now))
            .Then(PrivacyRequestStatus.IdentityVerified, "extended by 1 month", "Second reason")
            .Should().Match<PrivacyRequest>(r => r.ExtendedByMonths == 2 && r.ExtensionReason == "Second reason");

    [Fact]
    public void Cannot_extend_by_a_third_month() =>
        Given(Verified().After(r => r.Extend(2, "Complex request", Admin, Now)))
            .When(r => r.Extend(1, "Still more", Admin, Now))
            .ThenFails(PrivacyRequestErrors.ExtensionTooLong);

    [Fact]
    public void Cannot_extend_by_three_months_at_once() =>
        Given(Verified())
            .When(r => r.Extend(3, "A long one", Admin, Now))
            .ThenFails(PrivacyRequestErrors.ExtensionTooLong);

    [Fact]
    public void Cannot_extend_by_no_months() =>
        Given(Verified())
            .When(r => r.Extend(0, "Nothing really", Admin, Now))
            .ThenFails(PrivacyRequestErrors.ExtensionTooLong);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Cannot_extend_without_a_reason(string reason) =>
        Given(Verified())
            .When(r => r.Extend(1, reason, Admin, Now))
            .ThenFails(PrivacyRequestErrors.ExtensionNeedsReason);

    [Fact]
    public void Cannot_extend_a_closed_request() =>
        Given(Completed())
            .When(r => r.Extend(1, "Too late", Admin, Now))
            .ThenFails(PrivacyRequestErrors.Closed);
}
