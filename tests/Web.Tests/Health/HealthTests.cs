using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VetOS.Web.Tests.Health;

public sealed class HealthTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task Live_answers_as_soon_as_the_process_serves()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_once_the_database_answers_migrations_are_applied_and_projections_run()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Healthy");
        body.GetProperty("checks").GetProperty("ready").GetString().Should().Contain("migrations applied");
    }

    [Fact]
    public async Task The_home_page_says_what_VetOS_is_and_lists_the_demo_clinic()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<h1>VetOS</h1>").And.Contain("veterinary clinics").And.Contain("<a href=\"/c/riverside\">Riverside Veterinary Clinic</a>");
    }

    [Fact]
    public async Task Seeding_the_demo_clinic_again_changes_nothing()
    {
        await app.Services.GetRequiredService<VetOS.Infrastructure.Clinics.DemoClinic>().SeedAsync();

        (await app.Database.ScalarAsync<long>("select count(*) from clinic.clinics")).Should().Be(1);
    }
}

public sealed class NotReadyTests
{
    [Fact]
    public async Task Not_ready_while_migrations_are_pending_and_it_names_them()
    {
        await using var app = new UnmigratedApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Migrations not applied").And.Contain("0001_event_store");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Not_ready_while_the_database_cannot_be_reached_and_still_live()
    {
        await using var app = new UnreachableDatabaseApp();
        var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("database cannot be reached");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
