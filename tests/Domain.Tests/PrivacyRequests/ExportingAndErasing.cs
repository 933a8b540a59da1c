using VetOS.Domain.PrivacyRequests;
using static VetOS.Domain.Tests.PrivacyRequests.PrivacyRequestSpec;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>An access request's export starts it and may be built again while it is in progress; an erasure request closes with its report.</summary>
public sealed class ExportingAndErasing
{
    [Fact]
    public void Exporting_a_verified_access_request_starts_it() =>
        Given(Verified()).When(r => r.StartExport(Admin, Now)).Then(PrivacyRequestStatus.InProgress, "in progress", "");

    [Fact]
    public void The_export_built_again_is_on_record_but_leaves_the_request_as_it_was()
    {
        var started = Verified().After(r => r.StartExport(Admin, Now));

        var again = started.StartExport(Admin, Now).Events.Should().ContainSingle().Which.Should().BeOfType<AccessExportQueuedAgain>().Subject;

        PrivacyRequestStep.Of(again).Should().Be(new PrivacyRequestStep(Now, Admin.Tag, "export queued", "built again"));
        started.Apply(again).Should().Be(started);
    }

    [Fact]
    public void Cannot_export_for_a_request_that_is_not_for_access() =>
        Given(Verified(kind: PrivacyRequestKind.Erasure)).When(r => r.StartExport(Admin, Now)).ThenFails(PrivacyRequestErrors.WrongKind);

    [Fact]
    public void Cannot_export_before_identity_is_verified() =>
        Given(Filed()).When(r => r.StartExport(Admin, Now)).ThenFails(PrivacyRequestErrors.NotVerified);

    [Fact]
    public void A_download_is_on_record_but_leaves_the_request_as_it_was()
    {
        var started = Verified().After(r => r.StartExport(Admin, Now));

        var downloaded = started.RecordDownload("json", Admin, Now).Events.Should().ContainSingle().Which.Should().BeOfType<AccessExportDownloaded>().Subject;

        PrivacyRequestStep.Of(downloaded).Should().Be(new PrivacyRequestStep(Now, Admin.Tag, "export downloaded", "json"));
        started.Apply(downloaded).Should().Be(started);
    }

    [Fact]
    public void Complete_an_erasure_in_progress_with_its_report() =>
        Given(Verified(kind: PrivacyRequestKind.Erasure).After(r => r.Start(Admin, Now)))
            .When(r => r.CompleteErasure("Erased; records kept by law", Admin, Now))
            .Then(PrivacyRequestStatus.Completed, "completed", "Erased; records kept by law");

    [Fact]
    public void Cannot_complete_an_erasure_on_a_request_that_is_not_for_erasure() =>
        Given(Verified()).When(r => r.CompleteErasure("Erased", Admin, Now)).ThenFails(PrivacyRequestErrors.WrongKind);
}
