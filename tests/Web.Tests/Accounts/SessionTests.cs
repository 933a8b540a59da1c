using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VetOS.Web.Auth;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

/// <summary>Signing out ends the session on the server: a copy of its cookie taken before stops working; other sessions go on.</summary>
public sealed class SessionTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    /// <summary>Signs in and returns the session cookie as a browser would send it back.</summary>
    private async Task<string> SessionCookieAsync(string email)
    {
        var signIn = await Client().PostAsJsonAsync("/api/account/sign-in", new { email, password = GoodPassword });
        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($"{SessionCookie.Name}=", StringComparison.Ordinal)).Split(';')[0];
    }

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });

    private async Task<HttpStatusCode> WithCookie(HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return (await Client().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_reads_the_profile_while_the_accounts_other_session_goes_on()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var laptop = await SessionCookieAsync(email);
        var phone = await SessionCookieAsync(email);
        (await WithCookie(HttpMethod.Get, "/api/me/profile", laptop)).Should().Be(HttpStatusCode.OK);

        (await WithCookie(HttpMethod.Post, "/api/account/sign-out", laptop)).Should().Be(HttpStatusCode.NoContent);

        (await WithCookie(HttpMethod.Get, "/api/me/profile", laptop)).Should().Be(HttpStatusCode.Unauthorized, "the session ended on the server");
        (await WithCookie(HttpMethod.Get, "/api/me/profile", phone)).Should().Be(HttpStatusCode.OK, "only that session ended");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_no_other_accounts()
    {
        var (email, neighbour) = (NewEmail(), NewEmail());
        await app.SignUpAndConfirmAsync(email);
        await app.SignUpAndConfirmAsync(neighbour);
        var laptop = await SessionCookieAsync(email);
        var phone = await SessionCookieAsync(email);
        var theirs = await SessionCookieAsync(neighbour);

        (await WithCookie(HttpMethod.Post, "/api/account/sign-out-everywhere", laptop)).Should().Be(HttpStatusCode.NoContent);

        (await WithCookie(HttpMethod.Get, "/api/me/profile", laptop)).Should().Be(HttpStatusCode.Unauthorized);
        (await WithCookie(HttpMethod.Get, "/api/me/profile", phone)).Should().Be(HttpStatusCode.Unauthorized);
        (await WithCookie(HttpMethod.Get, "/api/me/profile", theirs)).Should().Be(HttpStatusCode.OK);
        (await SessionCookieAsync(email)).Should().NotBeNullOrEmpty("signing in again starts a new session");
    }
}
