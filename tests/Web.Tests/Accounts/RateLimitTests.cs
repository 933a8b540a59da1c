using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

/// <summary>A host with limits low enough to meet: each test meets a different one, as the windows outlast the tests.</summary>
public sealed class RateLimitedApp : VetOSApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignIn:PerAccount", "3");
        builder.UseSetting("RateLimits:SignUp:PerAccount", "2");
        builder.UseSetting("RateLimits:ForgotPassword:PerIp", "3");
        builder.UseSetting("RateLimits:ResetPassword:PerAccount", "2");
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Sign_in_past_the_per_account_limit_is_a_429_with_Retry_After_alike_for_known_and_unknown_addresses()
    {
        var known = NewEmail();
        await app.SignUpAndConfirmAsync(known);
        var unknown = NewEmail();

        var refusals = new List<HttpResponseMessage>();
        foreach (var email in new[] { known, unknown })
        {
            for (var i = 0; i < 3; i++)
                (await app.SignInAsync(email, "not my password at all")).Should().Be(HttpStatusCode.Unauthorized);
            refusals.Add(await app.Browser().PostAsJsonAsync("/api/account/sign-in", new { email = $" {email.ToUpperInvariant()} ", password = GoodPassword }));
        }

        refusals.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests);
        refusals.Should().AllSatisfy(r =>
        {
            r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        });
        (await Without(refusals[0], "traceId")).Should().Be(await Without(refusals[1], "traceId"));
        (await app.SignInAsync(NewEmail(), GoodPassword)).Should().Be(HttpStatusCode.Unauthorized, "other addresses are not held back");
    }

    [Fact]
    public async Task Sign_up_past_the_per_account_limit_is_a_429()
    {
        var email = NewEmail();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email))).StatusCode);

        answers.Should().Equal(HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests);
        await app.DeliveredAsync(email);
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where recipient = $1", email)).Should().Be(2, "the refused attempt mails nobody");
    }

    [Fact]
    public async Task Forgot_password_past_the_per_IP_limit_is_a_429_for_that_IP_only()
    {
        var answers = new List<HttpResponse>();
        for (var i = 0; i < 4; i++)
            answers.Add((await ForgotPasswordFrom("203.0.113.7", NewEmail())).Response);
        var elsewhere = await ForgotPasswordFrom("198.51.100.9", NewEmail());

        answers.Select(a => a.StatusCode).Should().Equal(202, 202, 202, 429);
        answers[3].ContentType.Should().Be("application/problem+json");
        answers[3].Headers.RetryAfter.ToString().Should().MatchRegex("^[1-9][0-9]*$");
        elsewhere.Response.StatusCode.Should().Be(202);
    }

    [Fact]
    public async Task Reset_password_past_the_per_account_limit_is_a_429()
    {
        var account = Guid.NewGuid();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await app.Browser().PostAsJsonAsync("/api/account/reset-password", new { account, token = "guess", password = "a brand new passphrase" })).StatusCode);

        answers.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_forgot_password_page_past_the_per_IP_limit_says_so_in_words_on_a_page()
    {
        var answers = new List<HttpResponse>();
        for (var i = 0; i < 4; i++)
            answers.Add((await PostFrom("203.0.113.8", "/forgot-password", "application/x-www-form-urlencoded", $"Email={Uri.EscapeDataString(NewEmail())}")).Response);

        answers[3].StatusCode.Should().Be(429);
        answers[3].ContentType.Should().StartWith("text/html");
        answers[3].Headers.RetryAfter.ToString().Should().MatchRegex("^[1-9][0-9]*$");
        using var page = new StreamReader(answers[3].Body);
        (await page.ReadToEndAsync()).Should().Contain("Too many attempts. Wait a little, then try again.");
    }

    private Task<HttpContext> ForgotPasswordFrom(string ip, string email) =>
        PostFrom(ip, "/api/account/forgot-password", "application/json", $$"""{"email":"{{email}}"}""");

    private Task<HttpContext> PostFrom(string ip, string path, string contentType, string text) =>
        app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Scheme = "https";
            context.Request.Path = path;
            context.Request.ContentType = contentType;
            var body = Encoding.UTF8.GetBytes(text);
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        });

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static async Task<string> Without(HttpResponseMessage response, string property)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove(property);
        return json.ToJsonString();
    }
}
