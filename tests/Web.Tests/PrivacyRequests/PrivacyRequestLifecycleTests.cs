using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>A request's life: filed or logged, verified, extended with a reason the owner hears, closed once, flagged against its deadline.</summary>
public sealed class PrivacyRequestLifecycleTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private Task<(Actor Owner, string Email, PrivacyRequestView Request)> FiledAsync(string kind = "access", string? details = null) =>
        app.FiledAsync("Request Filer", $"+4479112{Random.Shared.Next(10_000, 99_999)}", kind, details);

    [Fact]
    public async Task An_owner_files_a_request_due_in_one_month_which_staff_see_in_the_queue_and_the_owner_follows()
    {
        var (owner, _, filed) = await FiledAsync();

        (filed.Status, filed.ReceivedVia, filed.ReceivedAt, filed.DueAt, filed.Deadline).Should()
            .Be((PrivacyRequestStatus.Received, "portal", app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMonths(1), DeadlineFlag.OnTime));
        var queue = (await app.ClientAs(OwnerClient.Receptionist).GetFromJsonAsync<PrivacyRequestQueue>(Queue, ApiJson.Options))!;
        queue.Requests.Should().ContainSingle(r => r.Id == filed.Id).Which.OwnerId.Should().Be(owner.Id);
        var mine = (await app.ClientAs(owner).GetFromJsonAsync<List<PrivacyRequestView>>("/api/me/privacy-requests", ApiJson.Options))!;
        mine.Should().ContainSingle().Which.Steps.Should().ContainSingle(s => s.What == "filed" && s.By == $"owner:{owner.Id}");
    }

    [Fact]
    public async Task Staff_log_a_request_received_by_phone_with_how_they_verified_and_its_deadline_runs_from_receipt()
    {
        var (owner, _) = await app.NewClient("Phone Caller", "+447911200001");
        var received = app.Clock.GetUtcNow().AddDays(-26);

        var response = await app.ClientAs(OwnerClient.Receptionist).PostAsJsonAsync(Queue, new
        {
            owner = owner.Id, kind = "erasure", receivedVia = "phone", verification = "called back on the number on file", receivedAt = received,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var logged = (await response.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        (logged.Status, logged.Verification, logged.Handler, logged.DueAt, logged.Deadline).Should()
            .Be((PrivacyRequestStatus.IdentityVerified, "called back on the number on file", OwnerClient.Receptionist.Id, received.AddMonths(1), DeadlineFlag.DueSoon));
        var bad = await app.ClientAs(OwnerClient.Receptionist).PostAsJsonAsync(Queue, new { owner = owner.Id, kind = "erasure", receivedVia = "pigeon" });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.ErrorFields()).Should().Equal("receivedVia");
        var stranger = await app.ClientAs(OwnerClient.Receptionist).PostAsJsonAsync(Queue, new { owner = Guid.NewGuid(), kind = "access", receivedVia = "email" });
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_extension_needs_a_reason_stops_at_two_months_and_the_owner_is_emailed_the_reason()
    {
        var (_, email, filed) = await FiledAsync();
        var admin = app.ClientAs(Admin);
        var extend = $"{Queue}/{filed.Id}/extend";

        var noReason = await admin.PostAsJsonAsync(extend, new { months = 1, reason = "" });
        var extended = await admin.PostAsJsonAsync(extend, new { months = 1, reason = "The records span three practices" });
        var tooLong = await admin.PostAsJsonAsync(extend, new { months = 2, reason = "Still more" });
        var byReceptionist = await app.ClientAs(OwnerClient.Receptionist).PostAsJsonAsync(extend, new { months = 1, reason = "x" });

        (await noReason.ErrorFields()).Should().Equal("reason");
        var view = (await extended.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        (view.DueAt, view.ExtendedByMonths).Should().Be((filed.ReceivedAt.AddMonths(2), 1));
        tooLong.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await tooLong.Json()).GetProperty("rule").GetString().Should().Be("extension-too-long");
        byReceptionist.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var told = await Eventually.Until(() => app.Database.ScalarAsync<string?>(
            "select body from messaging.messages where recipient = $1 and template = 'privacy-request-extended'", email), b => b is not null,
            because: "the owner is told of the extension");
        told.Should().Contain("The records span three practices").And.Contain(filed.ReceivedAt.AddMonths(2).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_admins_closing_the_same_request_at_once_close_it_once_and_the_other_is_told_it_changed()
    {
        var (_, _, filed) = await FiledAsync("correction", "My phone number is wrong");
        var verified = await app.ClientAs(Admin).VerifyOk(filed.Id);
        var admins = Enumerable.Range(0, 6).Select(_ => app.ClientAs(Admin)).ToList();

        var responses = await Task.WhenAll(admins.Select((admin, i) =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"{Queue}/{filed.Id}/close")
            {
                Content = JsonContent.Create(new { status = "Completed", outcome = $"Corrected the phone number ({i})" }),
            };
            message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{verified.Revision}\""));
            return admin.SendAsync(message);
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(5);
        var file = await app.ClientAs(Admin).RequestFile(filed.Id);
        file.Request.Steps!.Count(s => s.What == "completed").Should().Be(1);
        file.Request.Status.Should().Be(PrivacyRequestStatus.Completed);
        var again = await app.ClientAs(Admin).PostAsJsonAsync($"{Queue}/{filed.Id}/close", new { status = "PartlyRefused", outcome = "no" });
        (await again.Json()).GetProperty("rule").GetString().Should().Be("request-closed");
    }

    [Fact]
    public async Task Requests_stay_inside_their_clinic_and_with_their_owner()
    {
        var (owner, _, filed) = await FiledAsync();
        var otherClinic = Guid.NewGuid();
        var otherAdmin = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(otherClinic)));
        var anotherOwner = app.ClientAs((await app.NewClient("Nosy Neighbour", "+447911200009")).Owner);

        (await otherAdmin.Get($"{Queue}/{filed.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherAdmin.Get($"/api/clinics/{otherClinic}/privacy-requests/{filed.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherAdmin.PostAsJsonAsync($"/api/clinics/{otherClinic}/privacy-requests/{filed.Id}/verify-identity", new { how = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anotherOwner.Get($"/api/me/privacy-requests/{filed.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anotherOwner.Get(Queue)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var notAClient = await anotherOwner.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = otherClinic, kind = "access" });
        notAClient.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.ClientAs(owner).Get($"/api/me/privacy-requests/{filed.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_daily_job_tells_the_clinics_admins_of_requests_due_within_seven_days_and_flags_overdue_ones()
    {
        var (owner, _) = await app.NewClient("Late Request", "+447911200002");
        var staff = app.ClientAs(OwnerClient.Receptionist);
        var dueSoon = (await (await staff.PostAsJsonAsync(Queue, new { owner = owner.Id, kind = "access", receivedVia = "email", receivedAt = app.Clock.GetUtcNow().AddDays(-25) }))
            .Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        var overdue = (await (await staff.PostAsJsonAsync(Queue, new { owner = owner.Id, kind = "access", receivedVia = "post", receivedAt = app.Clock.GetUtcNow().AddDays(-40) }))
            .Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        var onTime = (await FiledAsync()).Request;

        var sent = await app.Services.CreateScope().ServiceProvider.GetRequiredService<RemindOfDueRequests>().RunAsync(CancellationToken.None);

        sent.Should().BeGreaterThan(0);
        var body = await Eventually.Until(() => app.Database.ScalarAsync<string?>(
            "select body from messaging.messages where recipient = 'admin@riverside.example' and template = 'privacy-requests-due' order by created_at desc limit 1"),
            b => b is not null, because: "the admin is emailed");
        body.Should().Contain(dueSoon.Id.ToString()).And.Contain($"{overdue.Id}, received").And.Contain("(overdue)").And.NotContain(onTime.Id.ToString())
            .And.NotContain("Late Request");
        var queue = (await staff.GetFromJsonAsync<PrivacyRequestQueue>(Queue, ApiJson.Options))!;
        queue.Requests.Single(r => r.Id == overdue.Id).Deadline.Should().Be(DeadlineFlag.Overdue);
        queue.Requests.Single(r => r.Id == dueSoon.Id).Deadline.Should().Be(DeadlineFlag.DueSoon);
        queue.Overdue.Should().BeGreaterThanOrEqualTo(1);
        queue.Requests.Select(r => r.DueAt).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Breach_support_lists_the_owners_a_staff_account_read_in_a_period_from_the_access_log()
    {
        var (read, _) = await app.NewClient("Read Owner", "+447911200011");
        var (unread, _) = await app.NewClient("Unread Owner", "+447911200012");
        (await app.ClientAs(OwnerClient.Receptionist).Get($"/api/clinics/{Clinic}/clients/{read.Id}")).EnsureSuccessStatusCode();
        (await app.ClientAs(OwnerClient.Vet).Get($"/api/clinics/{Clinic}/clients/{unread.Id}")).EnsureSuccessStatusCode();
        var now = app.Clock.GetUtcNow();
        string Period(Guid? reader) => $"/api/clinics/{Clinic}/access-log/owners-read?from={Uri.EscapeDataString(now.AddHours(-1).ToString("O"))}"
            + $"&to={Uri.EscapeDataString(now.AddHours(1).ToString("O"))}" + (reader is { } r ? $"&reader={r}" : "");
        var auditor = app.ClientAs(new Actor(VetOS.Infrastructure.Clinics.DemoClinic.DemoAuditor, ActorRole.Auditor, new ClinicId(Clinic)));

        var byReceptionist = (await auditor.GetFromJsonAsync<VetOS.Application.Common.OwnersRead>(Period(OwnerClient.Receptionist.Id), ApiJson.Options))!;
        var byAnyone = (await auditor.GetFromJsonAsync<VetOS.Application.Common.OwnersRead>(Period(null), ApiJson.Options))!;

        byReceptionist.Owners.Select(o => o.OwnerId).Should().Contain(read.Id).And.NotContain(unread.Id);
        byReceptionist.Owners.Single(o => o.OwnerId == read.Id).Records.Should().Equal("client record");
        byAnyone.Owners.Select(o => o.OwnerId).Should().Contain([read.Id, unread.Id]);
        var csv = await auditor.GetStringAsync(Period(OwnerClient.Receptionist.Id) + "&format=csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + byReceptionist.Owners.Count, "a header and one line an owner, as the JSON")
            .And.Contain(line => line.StartsWith($"{read.Id},", StringComparison.Ordinal) && line.EndsWith(",client record", StringComparison.Ordinal));
        var missing = await auditor.Get($"/api/clinics/{Clinic}/access-log/owners-read");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.ErrorFields()).Should().BeEquivalentTo(["from", "to"]);
        (await app.ClientAs(OwnerClient.Receptionist).Get(Period(null))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
