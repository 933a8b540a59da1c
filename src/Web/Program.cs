using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using VetOS.Infrastructure;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Database;
using VetOS.Web.Health;
using VetOS.Web.Home;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("VETOS_");

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddVetOSInfrastructure(database.ConnectionString);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
    return;
}
if (database.MigrateOnStartup)
    await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
if (database.SeedDemo)
    await app.Services.GetRequiredService<DemoClinic>().SeedAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description),
    }),
});
app.MapHomePage();

await app.RunAsync();

public partial class Program;
