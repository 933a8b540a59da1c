using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests;

/// <summary>What people do in a browser to get an account and a session, and what the outbox shows them.</summary>
public static partial class AccountSteps
{
    public const string GoodPassword = "a long passphrase for my dog";

    /// <summary>A browser-like client: HTTPS (the session cookie is Secure) and a cookie jar.</summary>
    public static HttpClient Browser(this VetOSApp app) => app.CreateBrowser();

    public static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.org";

    public static object SignUp(string email, string password = GoodPassword, string phone = "+44 7911 123456") =>
        new { clinic = DemoClinic.Id, name = "Ada Lovelace", email, phone, password };

    public static Uri Relative(string path) => new(path, UriKind.Relative);

    /// <summary>Waits until the dispatcher has handed every message queued for these addresses to the outbox.</summary>
    public static Task DeliveredAsync(this VetOSApp app, params string[] recipients) =>
        Eventually.Until(
            () => app.Database.ScalarAsync<long>("select count(*) from messaging.messages where recipient = any($1) and status in ('queued', 'sending')", (object)recipients),
            pending => pending == 0, because: $"the dispatcher sends what was queued for {string.Join(", ", recipients)}");

    /// <summary>The account and token of the newest link of that kind (<c>email-confirmation</c>, <c>password-reset</c>, <c>staff-invitation</c>) mailed to the address.</summary>
    public static async Task<(Guid Account, string Token)> LinkFor(this VetOSApp app, string email, string template)
    {
        // Some emails are queued after the answer (forgot-password): wait for one to be queued, then for it to be sent.
        await Eventually.Until(() => app.Database.ScalarAsync<long>("select count(*) from messaging.messages where recipient = $1 and template = $2", email, template),
            queued => queued > 0, because: $"a {template} email is queued for {email}");
        await app.DeliveredAsync(email);
        var body = await app.Database.ScalarAsync<string>(
            "select body from messaging.outbox where recipient = $1 and template = $2 order by created_at desc, id desc limit 1", email, template);
        var link = Link().Match(body);
        link.Success.Should().BeTrue($"the {template} email should carry a link: {body}");
        return (Guid.Parse(link.Groups["account"].Value), Uri.UnescapeDataString(link.Groups["token"].Value));
    }

    public static async Task<Guid> SignUpAndConfirmAsync(this VetOSApp app, string email, string password = GoodPassword)
    {
        (await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email, password))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var (account, token) = await app.LinkFor(email, "email-confirmation");
        (await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account, token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        return account;
    }

    public static async Task<HttpClient> SignedInBrowserAsync(this VetOSApp app, string email, string password = GoodPassword)
    {
        var browser = app.Browser();
        var signIn = await browser.PostAsJsonAsync("/api/account/sign-in", new { email, password });
        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent, $"{email} should sign in: {await signIn.Content.ReadAsStringAsync()}");
        return browser;
    }

    public static async Task<HttpStatusCode> SignInAsync(this VetOSApp app, string email, string password) =>
        (await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email, password })).StatusCode;

    /// <summary>A set-password page's form as a browser would post it: its hidden fields (antiforgery included) and the password.</summary>
    public static FormUrlEncodedContent PasswordForm(string html, string password)
    {
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["password"] = password;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex(@"/account/[a-z-]+\?account=(?<account>[0-9a-f-]+)&token=(?<token>\S+)")]
    private static partial Regex Link();
}
