using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VetOS.Web.Tests;

/// <summary>The whole web host on a database of its own, migrated and seeded at start-up as in development.</summary>
public class VetOSApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly EmptyTestDatabase database = new();

    protected virtual bool MigrateOnStartup => true;

    protected virtual string ConnectionString => database.ConnectionString;

    public TestDatabase Database => database;

    public async Task InitializeAsync() => await database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", MigrateOnStartup.ToString());
        builder.UseSetting("Database:SeedDemo", "true");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
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
    }
}
