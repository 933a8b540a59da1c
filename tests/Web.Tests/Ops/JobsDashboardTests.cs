using System.Net;
using System.Net.Http.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Clinics;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Ops;

/// <summary>A host with its Hangfire server running, as in development and production; its workers look for jobs each second.</summary>
public sealed class JobsApp : VetOSApp
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:01");
    }
}

public sealed class JobsDashboardTests(JobsApp app) : IClassFixture<JobsApp>
{
    private static readonly string[] Pages = ["/ops/jobs", "/ops/jobs/recurring", "/ops/jobs/jobs/processing"];

    [Fact]
    public async Task Nobody_but_a_platform_operator_sees_the_jobs_dashboard()
    {
        var everyoneElse = new Dictionary<string, HttpClient>
        {
            ["nobody signed in"] = app.Browser(),
            ["an owner"] = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password),
            ["a clinic admin"] = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password),
            ["an auditor"] = app.ClientAs(new Actor(DemoClinic.DemoAuditor, ActorRole.Auditor, new ClinicId(DemoClinic.Id))),
        };

        foreach (var (who, client) in everyoneElse)
            foreach (var page in Pages)
                (await client.GetAsync(new Uri(page, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{who} may not see {page}");
    }

    [Fact]
    public async Task The_demo_operator_sees_the_recurring_jobs()
    {
        var operatorSession = await app.OperatorAsync();

        foreach (var page in Pages)
            (await operatorSession.GetAsync(new Uri(page, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, page);
        var recurring = await operatorSession.GetStringAsync(new Uri("/ops/jobs/recurring", UriKind.Relative));
        recurring.Should().Contain("messages-dispatcher").And.Contain("delivery-log-purge");
    }

    [Fact]
    public async Task Hangfire_starts_the_dispatcher_and_its_jobs_carry_no_arguments_but_ids()
    {
        var email = NewEmail();
        (await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email))).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await app.LinkFor(email, "email-confirmation");

        var arguments = await app.Database.ScalarAsync<string[]>("select coalesce(array_agg(distinct arguments), '{}') from hangfire.job");
        arguments.Should().NotBeEmpty().And.OnlyContain(a => a == "[null]", "the jobs take nothing but a cancellation token");
    }
}
