using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VetOS.Web.Tests;

/// <summary>Browser-like clients that sign in for real: HTTPS (the session cookie is Secure) and a cookie jar.</summary>
public static partial class SignedInClients
{
    public static HttpClient Browser(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> app, string email, string password)
    {
        var browser = app.Browser();
        var signIn = await browser.PostAsJsonAsync("/api/account/sign-in", new { email, password });
        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent, $"{email} should sign in: {await signIn.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>The account and token of the newest link of that kind the outbox holds for the address.</summary>
    public static async Task<(Guid Account, string Token)> LinkInOutboxAsync(this TestDatabase database, string email, string template)
    {
        var body = await database.ScalarAsync<string>(
            "select body from messaging.outbox where recipient = $1 and template = $2 order by created_at desc limit 1", email, template);
        var link = AccountLink().Match(body);
        link.Success.Should().BeTrue($"the {template} email should carry a link: {body}");
        return (Guid.Parse(link.Groups["account"].Value), Uri.UnescapeDataString(link.Groups["token"].Value));
    }

    [GeneratedRegex(@"/account/[a-z-]+\?account=(?<account>[0-9a-f-]+)&token=(?<token>\S+)")]
    private static partial Regex AccountLink();
}
