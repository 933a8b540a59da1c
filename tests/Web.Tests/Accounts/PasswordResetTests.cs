using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

public sealed partial class PasswordResetTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string NewPassword = "a brand new passphrase for the cat";

    private async Task<(Guid Account, string Token)> ForgotPassword(string email)
    {
        (await app.Browser().PostAsJsonAsync("/api/account/forgot-password", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        return await app.LinkFor(email, "password-reset");
    }

    private Task<HttpResponseMessage> Reset(Guid account, string token, string password = NewPassword) =>
        app.Browser().PostAsJsonAsync("/api/account/reset-password", new { account, token, password });

    [Fact]
    public async Task An_owner_who_forgot_the_password_resets_it_from_the_mailed_link_which_ends_the_old_sessions()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var earlier = await app.SignedInBrowserAsync(email);

        var (account, token) = await ForgotPassword(email);
        var reset = await Reset(account, token);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent, await reset.Content.ReadAsStringAsync());
        (await earlier.GetAsync(Relative("/api/appointments/mine"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(email, GoodPassword)).Should().Be(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Forgot_password_answers_alike_for_unknown_unconfirmed_and_confirmed_addresses_and_mails_only_the_confirmed()
    {
        var confirmed = NewEmail();
        await app.SignUpAndConfirmAsync(confirmed);
        var unconfirmed = NewEmail();
        await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(unconfirmed));
        var unknown = NewEmail();

        var answers = new List<HttpResponseMessage>();
        // Confirmed last: the requests are sent after their answers, in order, so once its email is out the others were handled.
        foreach (var email in new[] { unconfirmed, unknown, confirmed })
            answers.Add(await app.Browser().PostAsJsonAsync("/api/account/forgot-password", new { email }));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Accepted);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        bodies.Distinct().Should().ContainSingle();
        await app.LinkFor(confirmed, "password-reset");
        await app.DeliveredAsync(confirmed, unconfirmed, unknown);
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where template = 'password-reset' and recipient = any($1)",
            (object)new[] { confirmed, unconfirmed, unknown })).Should().Be(1);
        (await app.Database.ScalarAsync<string>("select recipient from messaging.outbox where template = 'password-reset' and recipient = any($1)",
            (object)new[] { confirmed, unconfirmed, unknown })).Should().Be(confirmed);
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (account, token) = await ForgotPassword(email);

        var first = await Reset(account, token);
        var second = await Reset(account, token, "yet another passphrase for the cat");

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Title(second)).Should().Be(await Title(await Reset(account, "not-a-token")), "a used link and a bad one are refused alike");
        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_reset_link_works_within_the_hour_and_not_after()
    {
        var (prompt, late) = (NewEmail(), NewEmail());
        await app.SignUpAndConfirmAsync(prompt);
        await app.SignUpAndConfirmAsync(late);
        var promptLink = await ForgotPassword(prompt);
        var lateLink = await ForgotPassword(late);

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        var inTime = await Reset(promptLink.Account, promptLink.Token);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var tooLate = await Reset(lateLink.Account, lateLink.Token);

        inTime.StatusCode.Should().Be(HttpStatusCode.NoContent);
        tooLate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Title(tooLate)).Should().Be("This link does not work: it was used already, or it expired.");
        (await app.SignInAsync(late, GoodPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_reset_link_for_another_account_or_none_is_refused_alike()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (_, token) = await ForgotPassword(email);
        var other = await app.SignUpAndConfirmAsync(NewEmail());

        var wrongAccount = await Reset(other, token);
        var noAccount = await Reset(Guid.NewGuid(), token);

        wrongAccount.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noAccount.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Title(noAccount)).Should().Be(await Title(wrongAccount));
    }

    [Fact]
    public async Task A_weak_new_password_is_a_400_naming_password_and_leaves_the_link_usable()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (account, token) = await ForgotPassword(email);

        var weak = await Reset(account, token, "password123");
        var strong = await Reset(account, token);

        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
        strong.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        for (var i = 0; i < 5; i++)
            await app.SignInAsync(email, "not my password at all");
        (await app.SignInAsync(email, GoodPassword)).Should().Be(HttpStatusCode.Unauthorized, "five failures lock the account");

        var (account, token) = await ForgotPassword(email);
        (await Reset(account, token)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_mailed_link_opens_a_form_that_posts_with_antiforgery_and_shows_the_outcome()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (account, token) = await ForgotPassword(email);
        var browser = app.Browser();

        var page = await browser.GetAsync(Relative($"/account/reset-password?account={account}&token={Uri.EscapeDataString(token)}"));
        var html = await page.Content.ReadAsStringAsync();
        var posted = await browser.PostAsync(Relative("/account/reset-password"), PasswordForm(html, NewPassword));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<form method=\"post\" action=\"/account/reset-password\">")
            .And.Contain("<label for=\"password\">").And.Contain("type=\"password\"").And.Contain("<button type=\"submit\">");
        var cookie = page.Headers.GetValues("Set-Cookie").Should().ContainSingle().Subject;
        cookie.Should().StartWith("__Host-vetos-antiforgery=").And.Contain("path=/").And.Contain("secure").And.Contain("samesite=strict").And.Contain("httponly");
        cookie.Should().NotContain("domain=");
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("Your password is changed");
        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_form_shows_a_weak_password_s_shortcomings_and_a_dead_link_plainly()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (account, token) = await ForgotPassword(email);
        var browser = app.Browser();
        var html = await browser.GetStringAsync(Relative($"/account/reset-password?account={account}&token={Uri.EscapeDataString(token)}"));

        var weak = await browser.PostAsync(Relative("/account/reset-password"), PasswordForm(html, "password123"));
        (await Reset(account, token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var dead = await browser.PostAsync(Relative("/account/reset-password"), PasswordForm(html, "one more passphrase for the cat"));

        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).Should().Contain("<ul role=\"alert\">").And.Contain("<form method=\"post\"");
        dead.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await dead.Content.ReadAsStringAsync()).Should().Contain("This link does not work");
    }

    [Fact]
    public async Task The_form_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var (account, token) = await ForgotPassword(email);

        var forged = await app.Browser().PostAsync(Relative("/account/reset-password"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = account.ToString(), ["token"] = token, ["password"] = NewPassword,
        }));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.SignInAsync(email, GoodPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    private static async Task<string> Title(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
}
