using Npgsql;

namespace VetOS.Bench.Messages;

/// <summary>
/// Reminders as booking queues them: by email, needing consent to appointment reminders, spread over 1,000 owners of
/// one clinic who all consented. Inserted in bulk, outside what is measured.
/// </summary>
internal static class Reminders
{
    public static readonly Guid Clinic = Guid.Parse("0d9a3a0e-0b00-4000-8000-000000000001");
    public const int Owners = 1000;

    public static async Task SetUpAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await ExecuteAsync(dataSource, "insert into clinic.clinics (id, slug, name, time_zone) values ($1, 'bench-messages', 'Bench Clinic', 'Europe/London') on conflict do nothing",
            cancellationToken, Clinic);
        await ExecuteAsync(dataSource, $"""
            insert into consent.periods (clinic_id, owner_id, purpose, channel, notice_version, granted_at, granted_source, granted_by)
            select $1, {Owner("i")}, 'appointment-reminders', 'email', 1, now() - interval '1 day', 'portal', 'bench'
              from generate_series(1, {Owners}) i
            on conflict do nothing
            """, cancellationToken, Clinic);
    }

    /// <summary>Empties the queue and the log, so each run starts alike.</summary>
    public static async Task ClearAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await ExecuteAsync(dataSource, "truncate messaging.messages, messaging.delivery_log, messaging.outbox", cancellationToken);
        await ExecuteAsync(dataSource, "vacuum analyze messaging.messages", cancellationToken);
    }

    /// <summary>Queues <paramref name="count"/> reminders, the i-th due at <paramref name="firstDue"/> + i / <paramref name="perSecond"/> (all at once when null).</summary>
    public static async Task QueueAsync(NpgsqlDataSource dataSource, int count, DateTimeOffset firstDue, double? perSecond, CancellationToken cancellationToken)
    {
        await ExecuteAsync(dataSource, $"""
            insert into messaging.messages (id, clinic_id, owner_id, channel, template, purpose, recipient, subject, body, due_at, next_attempt_at, created_at, updated_at)
            select gen_random_uuid(), $1, {Owner("1 + i % " + Owners)}, 'email', 'appointment-reminder', 'appointment-reminders',
                   'r' || i || '@bench.example', 'Your appointment tomorrow', 'Biscuit is booked for 09:30 tomorrow.', d, d, now(), now()
              from generate_series(0, $2 - 1) i, lateral (select $3 + make_interval(secs => i * $4) as d) due
            """, cancellationToken, Clinic, count, firstDue, perSecond is { } rate ? 1.0 / rate : 0.0);
        await ExecuteAsync(dataSource, "analyze messaging.messages", cancellationToken);
    }

    /// <summary>How late the sent reminders went: the share within <paramref name="within"/> of their due time, and the median, 99th percentile and worst.</summary>
    public static async Task<Lateness> LatenessAsync(NpgsqlDataSource dataSource, TimeSpan within, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select count(*), avg((sent_at - due_at <= $1)::int)::float8,
                   percentile_cont(0.5) within group (order by extract(epoch from sent_at - due_at)::float8) * 1000,
                   percentile_cont(0.99) within group (order by extract(epoch from sent_at - due_at)::float8) * 1000,
                   (max(extract(epoch from sent_at - due_at)) * 1000)::float8
              from messaging.messages where status = 'sent'
            """);
        command.Parameters.AddWithValue(within);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Lateness(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Owner(string number) => $"('0d9a3a0e-0b01-4000-8000-' || lpad(({number})::text, 12, '0'))::uuid";
}

internal sealed record Lateness(long Sent, double ShareWithin, double P50Ms, double P99Ms, double MaxMs);
