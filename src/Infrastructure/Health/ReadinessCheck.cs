using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure.Health;

/// <summary>Ready: the database answers, every migration this build knows is applied, and the projections run.</summary>
public sealed class ReadinessCheck(SchemaMigrator migrator, ProjectionRunner projections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = await migrator.PendingAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
        if (pending.Count > 0)
            return HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.");

        var notRunning = projections.States
            .Where(p => p.Value is not (ProjectionState.Running or ProjectionState.Standby))
            .Select(p => $"{p.Key} is {p.Value}")
            .ToList();
        return notRunning.Count > 0
            ? HealthCheckResult.Unhealthy($"Projections not running: {string.Join(", ", notRunning)}.")
            : HealthCheckResult.Healthy("Database reachable, migrations applied, projections running.");
    }
}
