using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Bookings;
using VetOS.Infrastructure.Clinics;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

public sealed class AccountTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task An_owner_signs_up_confirms_from_the_outbox_signs_in_with_the_session_cookie_and_signs_out()
    {
        var browser = app.Browser();
        var email = NewEmail();

        var signUp = await browser.PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        signUp.StatusCode.Should().Be(HttpStatusCode.Accepted, await signUp.Content.ReadAsStringAsync());
        var (account, token) = await app.LinkFor(email, "email-confirmation");
        var confirm = await browser.GetAsync(new Uri($"/account/confirm?account={account}&token={Uri.EscapeDataString(token)}", UriKind.Relative));
        var signIn = await browser.PostAsJsonAsync("/api/account/sign-in", new { email, password = GoodPassword });
        var mine = await browser.GetAsync(new Uri("/api/appointments/mine", UriKind.Relative));
        var signOut = await browser.PostAsync(new Uri("/api/account/sign-out", UriKind.Relative), null);
        var afterSignOut = await browser.GetAsync(new Uri("/api/appointments/mine", UriKind.Relative));

        signUp.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await confirm.Content.ReadAsStringAsync()).Should().Contain("Your email address is confirmed");
        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith("__Host-vetos=").And.Contain("path=/").And.Contain("secure").And.Contain("samesite=lax").And.Contain("httponly");
        cookie.Should().NotContain("domain=");
        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        (await mine.Content.ReadFromJsonAsync<MyAppointments>())!.Upcoming.Should().BeEmpty();
        signOut.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterSignOut.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Database.ScalarAsync<long>("select count(*) from owners.clinic_clients where owner_id = $1 and clinic_id = $2", account, DemoClinic.Id))
            .Should().Be(1, "signing up through a clinic makes the owner its client");
    }

    [Fact]
    public async Task Signing_up_with_an_address_that_has_an_account_answers_the_same_and_tells_only_its_owner()
    {
        var email = NewEmail();
        var first = await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var again = await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email, "another long passphrase"));

        again.StatusCode.Should().Be(first.StatusCode);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await app.Database.ScalarAsync<long>("select count(*) from identity.users where normalized_email = upper($1)", email)).Should().Be(1);
        await app.DeliveredAsync(email);
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where recipient = $1 and template = 'already-registered'", email)).Should().Be(1);
    }

    [Fact]
    public async Task Sign_in_answers_alike_for_an_unknown_email_a_wrong_password_and_an_unconfirmed_account()
    {
        var unconfirmed = NewEmail();
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(unconfirmed));

        var unknown = await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email = NewEmail(), password = GoodPassword });
        var notYetConfirmed = await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email = unconfirmed, password = GoodPassword });

        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        notYetConfirmed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Without(notYetConfirmed, "traceId")).Should().Be(await Without(unknown, "traceId"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused_alike()
    {
        var email = NewEmail();
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var (account, token) = await app.LinkFor(email, "email-confirmation");
        (await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account, token })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        for (var i = 0; i < 5; i++)
            (await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = "not my password at all" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var locked = await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = GoodPassword });

        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_confirmation_link_works_once()
    {
        var email = NewEmail();
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var (account, token) = await app.LinkFor(email, "email-confirmation");

        var first = await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account, token });
        var second = await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account, token });

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_confirmation_link_works_within_24_hours_and_not_after()
    {
        var (prompt, late) = (NewEmail(), NewEmail());
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(prompt));
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(late));
        var promptLink = await app.LinkFor(prompt, "email-confirmation");
        var lateLink = await app.LinkFor(late, "email-confirmation");

        app.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var inTime = await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account = promptLink.Account, token = promptLink.Token });
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var tooLate = await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account = lateLink.Account, token = lateLink.Token });
        var page = await app.Browser().GetStringAsync(new Uri($"/account/confirm?account={lateLink.Account}&token={Uri.EscapeDataString(lateLink.Token)}", UriKind.Relative));

        inTime.StatusCode.Should().Be(HttpStatusCode.NoContent);
        tooLate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("This link does not work");
    }

    [Fact]
    public async Task Signing_in_sets_only_the_session_cookie_host_prefixed_secure_httponly_and_lax()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);

        var signIn = await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = GoodPassword });

        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Should().ContainSingle("sign-in sets no cookie but the session").Subject;
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries);
        attributes[0].Should().StartWith("__Host-vetos=");
        attributes.Skip(1).Select(a => a.ToLowerInvariant()).Should().Contain(["path=/", "secure", "httponly", "samesite=lax"])
            .And.NotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_sign_up_details_are_a_400_naming_each_field()
    {
        var response = await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp("not-an-email", "password123", "07700 900123"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("email", out _).Should().BeTrue();
        errors.TryGetProperty("phone", out _).Should().BeTrue();

        var weak = await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(NewEmail(), "password123"));
        (await weak.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_outbox_page_lists_the_confirmation_email_with_its_link()
    {
        var email = NewEmail();
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));

        await app.DeliveredAsync(email);
        var page = await app.Browser().GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));

        page.Should().Contain(email).And.Contain("Confirm your email for Riverside Veterinary Clinic").And.Contain("<a href=\"http://localhost:5080/account/confirm?account=");
    }

    private static async Task<string> Without(HttpResponseMessage response, string property)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove(property);
        return json.ToJsonString();
    }
}
