using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VetOS.Application.Bookings;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Accounts;

public sealed partial class AccountTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string GoodPassword = "a long passphrase for my dog";

    /// <summary>A browser-like client: HTTPS (the session cookie is Secure) and a cookie jar.</summary>
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    private static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.org";

    private static object SignUp(string email, string password = GoodPassword, string phone = "+44 7911 123456") =>
        new { clinic = DemoClinic.Id, name = "Ada Lovelace", email, phone, password };

    private async Task<(Guid Account, string Token)> ConfirmationLinkFor(string email)
    {
        var body = await app.Database.ScalarAsync<string>(
            "select body from messaging.outbox where recipient = $1 and template = 'email-confirmation' order by created_at desc limit 1", email);
        var link = ConfirmationLink().Match(body);
        return (Guid.Parse(link.Groups["account"].Value), Uri.UnescapeDataString(link.Groups["token"].Value));
    }

    [GeneratedRegex(@"/account/confirm\?account=(?<account>[0-9a-f-]+)&token=(?<token>\S+)")]
    private static partial Regex ConfirmationLink();

    [Fact]
    public async Task An_owner_signs_up_confirms_from_the_outbox_signs_in_with_the_session_cookie_and_signs_out()
    {
        var browser = Browser();
        var email = NewEmail();

        var signUp = await browser.PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        signUp.StatusCode.Should().Be(HttpStatusCode.Accepted, await signUp.Content.ReadAsStringAsync());
        var (account, token) = await ConfirmationLinkFor(email);
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
        var first = await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var again = await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email, "another long passphrase"));

        again.StatusCode.Should().Be(first.StatusCode);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await app.Database.ScalarAsync<long>("select count(*) from identity.users where normalized_email = upper($1)", email)).Should().Be(1);
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where recipient = $1 and template = 'already-registered'", email)).Should().Be(1);
    }

    [Fact]
    public async Task Sign_in_answers_alike_for_an_unknown_email_a_wrong_password_and_an_unconfirmed_account()
    {
        var unconfirmed = NewEmail();
        await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(unconfirmed));

        var unknown = await Browser().PostAsJsonAsync("/api/account/sign-in", new { email = NewEmail(), password = GoodPassword });
        var notYetConfirmed = await Browser().PostAsJsonAsync("/api/account/sign-in", new { email = unconfirmed, password = GoodPassword });

        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        notYetConfirmed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Without(notYetConfirmed, "traceId")).Should().Be(await Without(unknown, "traceId"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused_alike()
    {
        var email = NewEmail();
        await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var (account, token) = await ConfirmationLinkFor(email);
        (await Browser().PostAsJsonAsync("/api/account/confirm", new { account, token })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        for (var i = 0; i < 5; i++)
            (await Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = "not my password at all" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var locked = await Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password = GoodPassword });

        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_confirmation_link_works_once()
    {
        var email = NewEmail();
        await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));
        var (account, token) = await ConfirmationLinkFor(email);

        var first = await Browser().PostAsJsonAsync("/api/account/confirm", new { account, token });
        var second = await Browser().PostAsJsonAsync("/api/account/confirm", new { account, token });

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_sign_up_details_are_a_400_naming_each_field()
    {
        var response = await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp("not-an-email", "password123", "07700 900123"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("email", out _).Should().BeTrue();
        errors.TryGetProperty("phone", out _).Should().BeTrue();

        var weak = await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(NewEmail(), "password123"));
        (await weak.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_outbox_page_lists_the_confirmation_email_with_its_link()
    {
        var email = NewEmail();
        await Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email));

        var page = await Browser().GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));

        page.Should().Contain(email).And.Contain("Confirm your email for Riverside Veterinary Clinic").And.Contain("<a href=\"http://localhost:5080/account/confirm?account=");
    }

    private static async Task<string> Without(HttpResponseMessage response, string property)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove(property);
        return json.ToJsonString();
    }
}
