using Hangfire;
using Npgsql;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>Exports in <c>privacy.exports</c>; building one is a Hangfire job whose only argument is the request's id.</summary>
public sealed class PostgresAccessExports(NpgsqlDataSource dataSource, IBackgroundJobClient jobs) : IAccessExports
{
    public async Task QueueAsync(Guid request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Rows.ExecuteAsync(dataSource, """
            insert into privacy.exports (request_id, status, queued_at) values ($1, 'queued', $2)
            on conflict (request_id) do update
               set status = 'queued', sections_done = 0, sections_total = 0, json = null, html = null, queued_at = $2, built_at = null, expires_at = null
            """, cancellationToken, request, now);
        jobs.Enqueue<AccessExportJob>(job => job.BuildAsync(request, CancellationToken.None));
    }

    public Task ProgressAsync(Guid request, int done, int total, CancellationToken cancellationToken) =>
        Rows.ExecuteAsync(dataSource, "update privacy.exports set status = 'building', sections_done = $2, sections_total = $3 where request_id = $1",
            cancellationToken, request, done, total);

    public Task SaveAsync(Guid request, string json, string html, DateTimeOffset builtAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Rows.ExecuteAsync(dataSource, """
            update privacy.exports set status = 'ready', json = $2, html = $3, built_at = $4, expires_at = $5, sections_done = sections_total
             where request_id = $1
            """, cancellationToken, request, json, html, builtAt, expiresAt);

    public Task FailedAsync(Guid request, CancellationToken cancellationToken) =>
        Rows.ExecuteAsync(dataSource, "update privacy.exports set status = 'failed' where request_id = $1", cancellationToken, request);

    public async Task<ExportStatus?> StatusAsync(Guid request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select status, sections_done, sections_total, queued_at, built_at, expires_at from privacy.exports where request_id = $1");
        command.Parameters.AddWithValue(request);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    public async Task<string?> DocumentAsync(Guid request, string format, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(format == "html"
            ? "select html from privacy.exports where request_id = $1"
            : "select json from privacy.exports where request_id = $1");
        command.Parameters.AddWithValue(request);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
