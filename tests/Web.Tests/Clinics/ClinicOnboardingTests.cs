using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Clinics;

/// <summary>An operator onboards a clinic, gives it an admin, who builds the staff; roles decide what each may do.</summary>
public sealed class ClinicOnboardingTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string StaffPassword = Onboarding.StaffPassword;

    private static object NewClinic(string slug) => Onboarding.ClinicDetails(slug);

    private Task<HttpClient> Operator() => app.OperatorAsync();

    private Task<Guid> CreateClinicAsync(string slug) => app.CreateClinicAsync(slug);

    private Task<(Guid Account, HttpClient Session)> JoinAsync(HttpClient inviter, string path, object invitation, string email) =>
        app.JoinAsync(inviter, path, invitation, email);

    private static string NewEmail(string who) => Onboarding.NewEmail(who);

    [Fact]
    public async Task An_operator_onboards_a_clinic_whose_admin_builds_its_staff_who_see_only_their_own_clinic()
    {
        var clinic = await CreateClinicAsync($"hillside-{Guid.NewGuid():N}"[..20]);
        var adminEmail = NewEmail("admin");
        var (_, admin) = await JoinAsync(await Operator(), $"/api/operator/clinics/{clinic}/admins", new { name = "Hana Admin", email = adminEmail }, adminEmail);
        var receptionEmail = NewEmail("reception");
        var (receptionist, reception) = await JoinAsync(admin, $"/api/clinics/{clinic}/staff",
            new { name = "Rob Reception", email = receptionEmail, role = "Receptionist" }, receptionEmail);

        var details = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/clinics/{clinic}");
        details.GetProperty("contactPhone").GetString().Should().Be("+441134960000", "phone numbers are kept in E.164");
        var staff = await admin.GetFromJsonAsync<JsonElement>($"/api/clinics/{clinic}/staff");
        staff.EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("role").GetString()))
            .Should().BeEquivalentTo([("Hana Admin", "ClinicAdmin"), ("Rob Reception", "Receptionist")]);
        (await reception.GetAsync(new Uri($"/api/clinics/{clinic}/schedule/2026-11-24", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await reception.GetAsync(new Uri($"/api/clinics/{DemoClinic.Id}/schedule/2026-11-24", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await reception.GetAsync(new Uri($"/api/clinics/{clinic}/staff", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync(new Uri($"/api/clinics/{DemoClinic.Id}/staff", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/operator/clinics", NewClinic("another-one"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await Operator()).GetAsync(new Uri($"/api/clinics/{clinic}/schedule/2026-11-24", UriKind.Relative))).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "operators see no clinic's personal data");
        var listed = await (await Operator()).GetFromJsonAsync<JsonElement>("/api/operator/clinics");
        listed.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == clinic).GetProperty("staffCount").GetInt32().Should().Be(2);
        receptionist.Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_a_taken_address_is_refused()
    {
        var email = NewEmail("vet");
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        await JoinAsync(admin, $"/api/clinics/{DemoClinic.Id}/staff", new { name = "Val Vet", email, role = "Vet" }, email);
        var (account, token) = await app.LinkFor(email, "staff-invitation");

        var again = await app.Browser().PostAsJsonAsync("/api/account/accept-invitation", new { account, token, password = "another staff passphrase" });
        var taken = await admin.PostAsJsonAsync($"/api/clinics/{DemoClinic.Id}/staff", new { name = "Val Again", email, role = "Vet" });

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await app.SignedInBrowserAsync(email, StaffPassword); // the first password still holds
    }

    [Fact]
    public async Task The_invitation_link_opens_a_page_where_the_new_member_sets_a_password_once()
    {
        var email = NewEmail("nurse");
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        (await admin.PostAsJsonAsync($"/api/clinics/{DemoClinic.Id}/staff", new { name = "Nia Nurse", email, role = "Vet" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var (account, token) = await app.LinkFor(email, "staff-invitation");
        var browser = app.Browser();
        var link = AccountSteps.Relative($"/account/accept-invitation?account={account}&token={Uri.EscapeDataString(token)}");

        var html = await browser.GetStringAsync(link);
        var weak = await browser.PostAsync(AccountSteps.Relative("/account/accept-invitation"), AccountSteps.PasswordForm(html, "password"));
        var set = await browser.PostAsync(AccountSteps.Relative("/account/accept-invitation"), AccountSteps.PasswordForm(html, StaffPassword));
        var again = await browser.PostAsync(AccountSteps.Relative("/account/accept-invitation"), AccountSteps.PasswordForm(await browser.GetStringAsync(link), "yet another passphrase"));

        html.Should().Contain("<form method=\"post\" action=\"/account/accept-invitation\">").And.Contain("<label for=\"password\">");
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).Should().Contain("common");
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await set.Content.ReadAsStringAsync()).Should().Contain("Your account is ready");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the link works once");
        await app.SignedInBrowserAsync(email, StaffPassword);
    }

    [Fact]
    public async Task A_new_role_or_a_removal_ends_the_members_sessions_at_once()
    {
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        var email = NewEmail("reception");
        var (account, session) = await JoinAsync(admin, $"/api/clinics/{DemoClinic.Id}/staff", new { name = "Rae Reception", email, role = "Receptionist" }, email);
        var schedule = new Uri($"/api/clinics/{DemoClinic.Id}/schedule/2026-11-24", UriKind.Relative);
        (await session.GetAsync(schedule)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.PutAsJsonAsync($"/api/clinics/{DemoClinic.Id}/staff/{account}", new { role = "Auditor" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await session.GetAsync(schedule)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old session ended with the old role");
        var asAuditor = await app.SignedInBrowserAsync(email, StaffPassword);
        (await asAuditor.GetAsync(schedule)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "auditors do not see the schedule");
        (await asAuditor.GetAsync(new Uri($"/api/clinics/{DemoClinic.Id}/access-log", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.DeleteAsync(new Uri($"/api/clinics/{DemoClinic.Id}/staff/{account}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await asAuditor.GetAsync(new Uri($"/api/clinics/{DemoClinic.Id}/access-log", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = StaffPassword })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_the_clinic_one_admin()
    {
        var clinic = await CreateClinicAsync($"twin-{Guid.NewGuid():N}"[..16]);
        var firstEmail = NewEmail("first");
        var (first, firstSession) = await JoinAsync(await Operator(), $"/api/operator/clinics/{clinic}/admins", new { name = "First Admin", email = firstEmail }, firstEmail);
        var secondEmail = NewEmail("second");
        var (second, secondSession) = await JoinAsync(firstSession, $"/api/clinics/{clinic}/staff", new { name = "Second Admin", email = secondEmail, role = "ClinicAdmin" }, secondEmail);

        var answers = await Task.WhenAll(
            firstSession.PutAsJsonAsync($"/api/clinics/{clinic}/staff/{second}", new { role = "Vet" }),
            secondSession.PutAsJsonAsync($"/api/clinics/{clinic}/staff/{first}", new { role = "Vet" }));

        answers.Count(a => a.StatusCode == HttpStatusCode.NoContent).Should().Be(1);
        // The loser was refused as the last admin, or, demoted a moment earlier, found its session ended.
        answers.Single(a => a.StatusCode != HttpStatusCode.NoContent).StatusCode.Should().BeOneOf(HttpStatusCode.Conflict, HttpStatusCode.Unauthorized);
        (await app.Database.ScalarAsync<long>("select count(*) from clinic.staff where clinic_id = $1 and role = 'clinic_admin'", clinic)).Should().Be(1);
    }

    [Fact]
    public async Task Clinic_details_are_checked_field_by_field_and_a_slug_is_unique()
    {
        var op = await Operator();
        var bad = await op.PostAsJsonAsync("/api/operator/clinics", new
        {
            name = "", slug = "Not A Slug", address = "x", timeZone = "Mars/Olympus", contactEmail = "nope", contactPhone = "12", grievanceContact = "ICO",
        });
        var slug = $"unique-{Guid.NewGuid():N}"[..18];
        await CreateClinicAsync(slug);
        var duplicate = await op.PostAsJsonAsync("/api/operator/clinics", NewClinic(slug));

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["name", "slug", "timeZone", "contactEmail", "contactPhone"]);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slug", out _).Should().BeTrue();
        (await app.CreateClient().PostAsJsonAsync("/api/operator/clinics", NewClinic("anonymous"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_owner_account_becomes_a_client_of_a_second_clinic()
    {
        var clinic = await CreateClinicAsync($"second-{Guid.NewGuid():N}"[..18]);
        var owner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);

        var joined = await owner.PostAsync(new Uri($"/api/clinics/{clinic}/join", UriKind.Relative), null);
        var again = await owner.PostAsync(new Uri($"/api/clinics/{clinic}/join", UriKind.Relative), null);
        var nowhere = await owner.PostAsync(new Uri($"/api/clinics/{Guid.NewGuid()}/join", UriKind.Relative), null);
        var staffJoining = await (await app.SignedInBrowserAsync("vet@riverside.example", DemoAccounts.Password))
            .PostAsync(new Uri($"/api/clinics/{clinic}/join", UriKind.Relative), null);
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/clinics/mine");

        joined.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NoContent, "joining twice changes nothing");
        nowhere.StatusCode.Should().Be(HttpStatusCode.NotFound);
        staffJoining.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        mine.EnumerateArray().Select(c => c.GetProperty("clinic").GetGuid()).Should().BeEquivalentTo([DemoClinic.Id, clinic]);
    }

    [Theory]
    [InlineData("owner@riverside.example", ActorRole.Owner)]
    [InlineData("reception@riverside.example", ActorRole.Receptionist)]
    [InlineData("vet@riverside.example", ActorRole.Vet)]
    [InlineData("admin@riverside.example", ActorRole.ClinicAdmin)]
    [InlineData("auditor@riverside.example", ActorRole.Auditor)]
    public async Task Every_demo_account_signs_in_with_the_demo_password_in_its_role(string email, ActorRole role)
    {
        var session = await app.SignedInBrowserAsync(email, DemoAccounts.Password);
        var schedule = await session.GetAsync(new Uri($"/api/clinics/{DemoClinic.Id}/schedule/2026-11-24", UriKind.Relative));
        var mine = await session.GetAsync(new Uri("/api/appointments/mine", UriKind.Relative));

        schedule.StatusCode.Should().Be(role is ActorRole.Receptionist or ActorRole.Vet or ActorRole.ClinicAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        mine.StatusCode.Should().Be(role == ActorRole.Owner ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
    }
}
