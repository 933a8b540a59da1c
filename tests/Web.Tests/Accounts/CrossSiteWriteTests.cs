using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

public sealed class CrossSiteWriteTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string NewPassword = "a brand new passphrase for the cat";

    private static HttpRequestMessage ChangePassword(string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/change-password")
        {
            Content = JsonContent.Create(new { currentPassword = GoodPassword, newPassword = NewPassword }),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    [Fact]
    public async Task A_cookie_authenticated_write_from_another_site_is_refused_and_changes_nothing_while_the_same_from_this_site_works()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var browser = await app.SignedInBrowserAsync(email);

        var forged = await browser.SendAsync(ChangePassword(origin: "https://evil.example"));
        var read = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/appointments/mine") { Headers = { { "Origin", "https://evil.example" } } });
        var stillOld = await app.SignInAsync(email, GoodPassword);
        var genuine = await browser.SendAsync(ChangePassword(origin: "https://localhost"));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forged.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        read.StatusCode.Should().Be(HttpStatusCode.OK, "reads are safe; the browser keeps their answers from the other site");
        stillOld.Should().Be(HttpStatusCode.NoContent, "the refused request changed nothing");
        genuine.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_write_the_browser_marks_cross_site_is_refused()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var browser = await app.SignedInBrowserAsync(email);

        var forged = await browser.SendAsync(ChangePassword(fetchSite: "cross-site"));
        var sandboxed = await browser.SendAsync(ChangePassword(origin: "null"));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        sandboxed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.SignInAsync(email, GoodPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_configured_portal_is_a_site_of_our_own()
    {
        await using var behindProxy = app.WithWebHostBuilder(builder => builder.UseSetting("Portal:BaseUrl", "https://portal.example/"));
        var client = behindProxy.CreateClient(new() { BaseAddress = new Uri("http://10.0.0.5") });

        var fromPortal = await client.SendAsync(ForgotPassword("https://portal.example"));
        var fromElsewhere = await client.SendAsync(ForgotPassword("https://evil.example"));

        fromPortal.StatusCode.Should().Be(HttpStatusCode.Accepted);
        fromElsewhere.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static HttpRequestMessage ForgotPassword(string origin) =>
        new(HttpMethod.Post, "/api/account/forgot-password") { Content = JsonContent.Create(new { email = NewEmail() }), Headers = { { "Origin", origin } } };
}
