using Microsoft.Extensions.Logging;
using Npgsql;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>
/// Deletes the documents of access exports whose link has expired. The row stays, with its times and no document,
/// so the request's file still says when the export was built and when it expired.
/// </summary>
public sealed class ExpiredExportsPurge(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<ExpiredExportsPurge> logger)
{
    /// <summary>The number of exports whose documents were deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await Rows.ExecuteAsync(dataSource, """
            update privacy.exports set json = null, html = null
             where expires_at <= $1 and (json is not null or html is not null)
            """, cancellationToken, clock.GetUtcNow());
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} expired access exports", deleted);
        return deleted;
    }
}
