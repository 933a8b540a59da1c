using System.Text.Json;
using VetOS.Domain.PrivacyRequests;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>Privacy requests' events are kept forever: once written, an event's name and JSON shape never change.</summary>
public sealed class PrivacyRequestEventWireFormTests
{
    private static readonly Guid Request = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid Clinic = Guid.Parse("cccccccc-cccc-cccc-cccc-cccccccccccc");
    private static readonly Guid Owner = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Staff = Guid.Parse("55555555-5555-5555-5555-555555555555");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string Ids = """
        "requestId":"44444444-4444-4444-4444-444444444444","clinicId":"cccccccc-cccc-cccc-cccc-cccccccccccc","ownerId":"11111111-1111-1111-1111-111111111111"
        """;

    private const string Handler = "\"handler\":\"55555555-5555-5555-5555-555555555555\"";

    private const string ByAt = "\"by\":\"clinicadmin:x\",\"at\":\"2026-11-23T09:00:00+00:00\"";

    public static TheoryData<object, string, string> Events => new()
    {
        { new PrivacyRequestFiled(Request, Clinic, Owner, "access", "All you hold", "Europe/London", "owner:x", At), "privacy-request.v1.filed-by-owner",
          $$"""{{{Ids}},"kind":"access","details":"All you hold","timeZone":"Europe/London","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""" },
        { new PrivacyRequestLogged(Request, Clinic, Owner, "erasure", "phone", "called back", "", At.AddDays(-1), "Europe/London", null, "clinicadmin:x", At),
          "privacy-request.v1.logged-by-staff",
          $$"""{{{Ids}},"kind":"erasure","receivedVia":"phone","verification":"called back","details":"","receivedAt":"2026-11-22T09:00:00+00:00","timeZone":"Europe/London","handler":null,{{ByAt}}}""" },
        { new RequesterIdentityVerified(Request, Clinic, Owner, "photo ID", Staff, "clinicadmin:x", At), "privacy-request.v1.identity-verified",
          $$"""{{{Ids}},"how":"photo ID",{{Handler}},{{ByAt}}}""" },
        { new PrivacyRequestStarted(Request, Clinic, Owner, Staff, "clinicadmin:x", At), "privacy-request.v1.started",
          $$"""{{{Ids}},{{Handler}},{{ByAt}}}""" },
        { new PrivacyRequestExtended(Request, Clinic, Owner, 2, "Complex", At.AddMonths(3), "clinicadmin:x", At), "privacy-request.v1.extended",
          $$"""{{{Ids}},"months":2,"reason":"Complex","dueAt":"2027-02-23T09:00:00+00:00",{{ByAt}}}""" },
        { new PrivacyRequestCompleted(Request, Clinic, Owner, "Export sent", Staff, "clinicadmin:x", At), "privacy-request.v1.completed",
          $$"""{{{Ids}},"outcome":"Export sent",{{Handler}},{{ByAt}}}""" },
        { new ErasureRequestCompleted(Request, Clinic, Owner, "Erased", Staff, "clinicadmin:x", At), "privacy-request.v1.erasure-completed",
          $$"""{{{Ids}},"outcome":"Erased",{{Handler}},{{ByAt}}}""" },
        { new CorrectionRequestCompleted(Request, Clinic, Owner, "Moved", Staff, "clinicadmin:x", At), "privacy-request.v1.correction-completed",
          $$"""{{{Ids}},"why":"Moved",{{Handler}},{{ByAt}}}""" },
        { new PrivacyRequestPartlyRefused(Request, Clinic, Owner, "Kept by law", Staff, "clinicadmin:x", At), "privacy-request.v1.partly-refused",
          $$"""{{{Ids}},"reasons":"Kept by law",{{Handler}},{{ByAt}}}""" },
        { new AccessExportQueuedAgain(Request, Clinic, Owner, "clinicadmin:x", At), "privacy-request.v1.export-queued-again",
          $$"""{{{Ids}},{{ByAt}}}""" },
        { new AccessExportDownloaded(Request, Clinic, Owner, "json", "clinicadmin:x", At), "privacy-request.v1.export-downloaded",
          $$"""{{{Ids}},"format":"json",{{ByAt}}}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_privacy_request_event_keeps_its_name_and_json_shape(object domainEvent, string name, string json)
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(PrivacyRequestFiled).Assembly);

        registry.For(domainEvent.GetType()).Name.Should().Be(name);
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventSerializer.Json).Should().Be(json);
        JsonSerializer.Deserialize(json, domainEvent.GetType(), EventSerializer.Json).Should().Be(domainEvent);
    }

    [Fact]
    public void What_people_wrote_about_the_owner_is_personal_data_of_the_owner_at_the_clinic()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(PrivacyRequestFiled).Assembly);

        registry.For(typeof(PrivacyRequestLogged)).Should().Match<EventShape>(s =>
            s.SubjectField == "ownerId" && s.ControllerField == "clinicId" && s.PersonalFields.SequenceEqual(new[] { "verification", "details" }));
        registry.For(typeof(PrivacyRequestFiled)).PersonalFields.Should().Equal("details");
        registry.For(typeof(RequesterIdentityVerified)).PersonalFields.Should().Equal("how");
        registry.For(typeof(PrivacyRequestExtended)).PersonalFields.Should().Equal("reason");
        registry.For(typeof(PrivacyRequestCompleted)).PersonalFields.Should().Equal("outcome");
        registry.For(typeof(CorrectionRequestCompleted)).PersonalFields.Should().Equal("why");
        registry.For(typeof(PrivacyRequestPartlyRefused)).PersonalFields.Should().Equal("reasons");
        registry.For(typeof(ErasureRequestCompleted)).HasPersonalData.Should().BeFalse("it is written after the owner's key is destroyed");
    }
}
