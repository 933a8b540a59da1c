using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Owners;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>Refused transitions answer 409 naming the rule; a correction request is closed by correcting the details, with who and why.</summary>
public sealed class PrivacyRequestRulesTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private async Task<(Actor Owner, PrivacyRequestView Request)> FiledAsync(string kind, string phone)
    {
        var (owner, _, request) = await app.FiledAsync("Rule Tester", phone, kind, "My phone number is wrong");
        return (owner, request);
    }

    private static async Task<string?> Rule(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("rule").GetString();
    }

    [Fact]
    public async Task Nothing_is_completed_before_identity_is_verified_and_nothing_moves_after_a_request_is_closed()
    {
        var (_, filed) = await FiledAsync("access", "+447911123901");
        var admin = app.ClientAs(Admin);

        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/close", new { status = "Completed", outcome = "Sent" }))).Should().Be("identity-not-verified");
        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/close", new { status = "PartlyRefused", outcome = "No" }))).Should().Be("identity-not-verified");
        await admin.VerifyOk(filed.Id);
        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/verify-identity", new { how = "again" }))).Should().Be("identity-already-verified");
        (await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/close", new { status = "PartlyRefused", outcome = "Clinical notes kept by law" })).EnsureSuccessStatusCode();

        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/close", new { status = "Completed", outcome = "Sent" }))).Should().Be("request-closed");
        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/extend", new { months = 1, reason = "More time" }))).Should().Be("request-closed");
        (await Rule(await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/verify-identity", new { how = "late" }))).Should().Be("request-closed");
        (await admin.RequestFile(filed.Id)).Request.Status.Should().Be(PrivacyRequestStatus.PartlyRefused);
    }

    [Fact]
    public async Task Extending_twice_stops_at_two_months_in_all()
    {
        var (_, filed) = await FiledAsync("access", "+447911123902");
        var admin = app.ClientAs(Admin);

        (await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/extend", new { months = 1, reason = "Records at three practices" })).EnsureSuccessStatusCode();
        var second = await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/extend", new { months = 1, reason = "Still gathering them" });
        var third = await admin.PostAsJsonAsync($"{Queue}/{filed.Id}/extend", new { months = 1, reason = "And more" });

        ((await second.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!.DueAt).Should().Be(filed.ReceivedAt.AddMonths(3));
        (await Rule(third)).Should().Be("extension-too-long");
        (await admin.RequestFile(filed.Id)).Request.Steps!.Where(s => s.What.StartsWith("extended", StringComparison.Ordinal)).Select(s => s.Note)
            .Should().Equal("Records at three practices", "Still gathering them");
    }

    [Fact]
    public async Task Staff_close_a_correction_request_by_correcting_the_contact_details_recorded_with_who_and_why()
    {
        var (owner, filed) = await FiledAsync("correction", "+447911123903");
        var staff = app.ClientAs(OwnerClient.Receptionist);
        var correct = $"{Queue}/{filed.Id}/correct-contact-details";
        var details = new { name = "Rule Tester", phone = "+447911123913", preferredChannel = "sms", why = "The owner's new mobile, confirmed by calling it" };

        var unverified = await staff.PostAsJsonAsync(correct, details);
        (await Rule(unverified)).Should().Be("identity-not-verified");
        (await app.ClientAs(owner).GetFromJsonAsync<MyProfile>("/api/me/profile"))!.Phone.Should().Be("+447911123903", "a refused correction changes nothing");
        await staff.VerifyOk(filed.Id, "called back on the number on file");
        var noWhy = await staff.PostAsJsonAsync(correct, new { name = "Rule Tester", phone = "+447911123913", preferredChannel = "sms", why = "" });
        (await noWhy.ErrorFields()).Should().Equal("why");

        var corrected = await staff.PostAsJsonAsync(correct, details);

        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var view = (await corrected.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        view.Status.Should().Be(PrivacyRequestStatus.Completed);
        (await staff.RequestFile(filed.Id)).Request.Steps![^1].Should().Match<PrivacyRequestStep>(s =>
            s.What == "contact details corrected" && s.By == OwnerClient.Receptionist.Tag && s.Note.Contains(details.why));
        var record = (await staff.GetFromJsonAsync<ClientRecord>($"/api/clinics/{Clinic}/clients/{owner.Id}"))!;
        record.Phone.Should().Be("+447911123913");
        var history = await app.ClientAs(owner).History();
        history[0].Should().Match<HistoryEntry>(h => h.Change == "contact-details-changed" && h.By == OwnerClient.Receptionist.Tag);
        history[0].Fields.Should().ContainEquivalentOf(new FieldChange("reason", null, details.why), "the owner's history says why too");
        (await Rule(await staff.PostAsJsonAsync(correct, details))).Should().Be("request-closed");
    }

    [Fact]
    public async Task An_owner_closes_their_own_correction_request_by_correcting_their_details_and_nobody_else_can()
    {
        var (owner, filed) = await FiledAsync("correction", "+447911123905");
        var (other, _) = await FiledAsync("correction", "+447911123906");
        var path = $"/api/me/privacy-requests/{filed.Id}/correct-contact-details";
        var details = new { name = "Rule Tester", phone = "+447911123915", preferredChannel = "sms", why = "I changed my mobile number" };

        var byAnother = await app.ClientAs(other).PostAsJsonAsync(path, details);
        var noWhy = await app.ClientAs(owner).PostAsJsonAsync(path, details with { why = " " });
        var corrected = await app.ClientAs(owner).PostAsJsonAsync(path, details);

        byAnother.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await noWhy.ErrorFields()).Should().Equal("why");
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        (await corrected.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!.Status.Should().Be(PrivacyRequestStatus.Completed);
        var steps = (await app.ClientAs(OwnerClient.Receptionist).RequestFile(filed.Id)).Request.Steps!;
        steps[^1].Should().Match<PrivacyRequestStep>(s => s.What == "contact details corrected" && s.By == owner.Tag && s.Note.Contains(details.why));
        (await app.ClientAs(owner).GetFromJsonAsync<MyProfile>("/api/me/profile"))!.Phone.Should().Be("+447911123915");
        (await app.ClientAs(owner).History())[0].Fields.Should().ContainEquivalentOf(new FieldChange("reason", null, details.why));
        (await app.ClientAs(other).GetFromJsonAsync<MyProfile>("/api/me/profile"))!.Phone.Should().Be("+447911123906", "the other owner's attempt changed nothing");
        (await Rule(await app.ClientAs(owner).PostAsJsonAsync(path, details))).Should().Be("request-closed");
    }

    [Fact]
    public async Task Only_a_correction_request_is_closed_by_a_correction()
    {
        var (owner, filed) = await FiledAsync("access", "+447911123904");
        var staff = app.ClientAs(OwnerClient.Receptionist);
        await staff.VerifyOk(filed.Id);

        var response = await staff.PostAsJsonAsync($"{Queue}/{filed.Id}/correct-contact-details",
            new { name = "Rule Tester", phone = "+447911123914", preferredChannel = "sms", why = "Asked for access, not a correction" });

        (await Rule(response)).Should().Be("wrong-kind");
        (await app.ClientAs(owner).GetFromJsonAsync<MyProfile>("/api/me/profile"))!.Phone.Should().Be("+447911123904");
    }
}
