using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using VetOS.Domain;
using VetOS.Web.Auth;

namespace VetOS.Web.Tests;

/// <summary>The whole web host on a database of its own, migrated and seeded at start-up as in development.</summary>
public class VetOSApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly EmptyTestDatabase database = new();

    protected virtual bool MigrateOnStartup => true;

    protected virtual string ConnectionString => database.ConnectionString;

    protected virtual bool RunsJobs => false;

    public TestDatabase Database => database;

    /// <summary>When the host's clock starts: Monday 23 November 2026, 09:00 in London, unless a host says otherwise.</summary>
    protected virtual DateTimeOffset StartsAt => new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider? clock;

    /// <summary>The clock the host reads; tests move it forward.</summary>
    public FakeTimeProvider Clock => clock ??= new FakeTimeProvider(StartsAt);


    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        Start(); // start the host now: it migrates and seeds its database
    }

    protected virtual void Start() => _ = Server;

    /// <summary>A browser-like client: HTTPS (the session cookie is Secure) and a cookie jar.</summary>
    public virtual HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", MigrateOnStartup.ToString());
        builder.UseSetting("Database:SeedDemo", "true");
        builder.UseSetting("Auth:DevelopmentActorHeader", "true");
        builder.UseSetting("Messaging:ShowOutbox", "true");
        // The dispatcher hands account emails to the outbox, where tests read their links; without Hangfire, which
        // only the jobs tests start.
        builder.UseSetting("Jobs:RunServer", RunsJobs.ToString());
        builder.UseSetting("Messaging:Dispatcher:RunInProcess", (!RunsJobs).ToString());
        // Far above what any test sends, so only the rate-limit tests meet a 429.
        foreach (var limit in new[] { "SignIn", "SignUp", "ForgotPassword", "ResetPassword" })
        {
            builder.UseSetting($"RateLimits:{limit}:PerIp", "1000000");
            builder.UseSetting($"RateLimits:{limit}:PerAccount", "1000000");
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
    }
}

/// <summary>A second instance of the portal on another host's database, as when two run behind one load balancer.</summary>
public sealed class SecondInstance(VetOSApp first) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(first.Clock.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", first.Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDemo", "true");
        builder.UseSetting("Auth:DevelopmentActorHeader", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Messaging:Dispatcher:RunInProcess", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A host whose database was never migrated.</summary>
public sealed class UnmigratedApp : VetOSApp
{
    protected override bool MigrateOnStartup => false;


    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "false");
        builder.UseSetting("Messaging:Dispatcher:RunInProcess", "false");
    }
}

/// <summary>A host whose database server does not answer.</summary>
public sealed class UnreachableDatabaseApp : VetOSApp
{
    protected override bool MigrateOnStartup => false;


    protected override string ConnectionString => "Host=127.0.0.1;Port=9;Username=nobody;Database=nothing;Timeout=2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "false");
        builder.UseSetting("Messaging:Dispatcher:RunInProcess", "false");
    }
}

public static class ActingClients
{
    /// <summary>A client acting as <paramref name="actor"/> through the development-only header.</summary>
    public static HttpClient ClientAs(this WebApplicationFactory<Program> app, Actor actor)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(DevelopmentActor.Header, DevelopmentActor.For(actor));
        return client;
    }
}
