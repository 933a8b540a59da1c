namespace VetOS.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>An Npgsql connection string; <c>./vetos</c> passes the one of the project's own cluster.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations at start-up (development); in production run <c>VetOS.Web migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed the demo clinic at start-up.</summary>
    public bool SeedDemo { get; set; }
}
