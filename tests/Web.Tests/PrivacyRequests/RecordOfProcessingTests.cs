using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>The clinic's record of processing, as JSON and as a page, says what the clinic's privacy policy says.</summary>
public sealed class RecordOfProcessingTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task The_record_names_the_controller_the_processors_and_every_category_the_privacy_policy_names()
    {
        var record = (await app.ClientAs(Admin).GetFromJsonAsync<RecordOfProcessing>($"/api/clinics/{Clinic}/record-of-processing", ApiJson.Options))!;
        var policy = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/c/{DemoClinic.Slug}"));

        record.Controller.Should().Be(DemoClinic.Name);
        record.Recipients.Select(r => r.Name).Should().Contain(r => r.StartsWith("Postmark")).And.Contain(r => r.StartsWith("Twilio"));
        foreach (var processor in record.Recipients.Skip(1))
            policy.Should().Contain(processor.Name.Split(' ')[0], "the policy names every sub-processor the record names");
        var whatWeCollect = policy[policy.IndexOf("What we collect", StringComparison.Ordinal)..policy.IndexOf("Why we use it", StringComparison.Ordinal)];
        var collected = Regex.Matches(whatWeCollect, "<li>([^<]+?) — ").Select(m => m.Groups[1].Value).ToList();
        collected.Should().Contain(["Contact details", "Pet records", "Messages and notifications"]);
        record.Categories.Select(c => c.Split(':')[0]).Should().Contain(collected, "each category the policy tells owners of is in the record");
        record.Purposes.Should().Contain(p => p.Purpose.Contains("write to each other"), "conversations are a purpose of their own");
        record.Retention.Should().Contain(r => r.Records == "Message delivery log");
    }

    [Fact]
    public async Task The_record_as_a_page_is_for_the_clinics_auditors_and_admins_only()
    {
        var page = await app.ClientAs(Admin).GetAsync($"/api/clinics/{Clinic}/record-of-processing.html");
        var byReceptionist = await app.ClientAs(OwnerClient.Receptionist).GetAsync($"/api/clinics/{Clinic}/record-of-processing.html");

        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.Should().Contain($"<h1>Record of processing: {DemoClinic.Name}</h1>").And.Contain("Who receives it").And.Contain("Postmark")
            .And.Contain("Messages and notifications: messages exchanged with the practice");
        byReceptionist.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
