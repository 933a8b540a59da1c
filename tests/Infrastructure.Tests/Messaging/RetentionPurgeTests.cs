using Microsoft.Extensions.DependencyInjection;
using VetOS.Infrastructure.Messaging.Retention;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>The purge removes only finished messages past their clinic's retention, in batches (here of 2), and records each clinic's purge without personal data.</summary>
public sealed class RetentionPurgeTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private DateTimeOffset Now => host.Clock.GetUtcNow();

    [Fact]
    public async Task Only_finished_messages_older_than_their_clinics_retention_go_and_each_clinic_gets_one_audit_record()
    {
        var (strict, usual) = (await NewClinic(TimeSpan.FromDays(30)), await NewClinic(null));
        var strictGone = new[] { await Message(strict, "sent", 40), await Message(strict, "failed", 35), await Message(strict, "skipped", 31) };
        var strictKept = new[] { await Message(strict, "delivered", 20), await Message(strict, "queued", 100), await Message(strict, "sending", 100) };
        var usualGone = await Message(usual, "sent", 100);
        var usualKept = await Message(usual, "sent", 40);
        var noClinicGone = await Message(null, "sent", 91);
        var noClinicKept = await Message(null, "sent", 10);

        var purged = await host.Services.GetRequiredService<RetentionPurge>().RunAsync(default);

        purged.Should().Be(5);
        var gone = strictGone.Append(usualGone).Append(noClinicGone).ToArray();
        var kept = strictKept.Append(usualKept).Append(noClinicKept).ToArray();
        (await Count("select count(*) from messaging.messages where id = any($1)", gone)).Should().Be(0);
        (await Count("select count(*) from messaging.delivery_log where message_id = any($1)", gone)).Should().Be(0);
        (await Count("select count(*) from messaging.messages where id = any($1)", kept)).Should().Be(kept.Length);
        (await Count("select count(*) from messaging.delivery_log where message_id = any($1)", kept)).Should().Be(2 * kept.Length);

        (await Purges(strict)).Should().Equal($"{Now:O} 3 {Now.AddDays(-40):O} {Now.AddDays(-31):O}");
        (await Purges(usual)).Should().Equal($"{Now:O} 1 {Now.AddDays(-100):O} {Now.AddDays(-100):O}");
        (await Count("select count(*) from audit.delivery_log_purges where clinic_id is null and messages >= 1")).Should().Be(1);

        (await host.Services.GetRequiredService<RetentionPurge>().RunAsync(default)).Should().Be(0, "nothing more is past retention");
        (await Purges(strict)).Should().HaveCount(1, "a purge that removes nothing records nothing");
    }

    [Fact]
    public async Task The_purge_record_holds_counts_and_times_only()
    {
        var columns = await host.Database.ScalarAsync<string[]>(
            "select array_agg(column_name::text order by ordinal_position) from information_schema.columns where table_schema = 'audit' and table_name = 'delivery_log_purges'");

        columns.Should().Equal("id", "clinic_id", "purged_at", "messages", "oldest", "newest");
    }

    private Task<long> Count(string sql, params object[] parameters) => host.Database.ScalarAsync<long>(sql, parameters);

    private async Task<string[]> Purges(Guid clinic)
    {
        var rows = await host.Database.ScalarAsync<string[]>("""
            select coalesce(array_agg(to_char(purged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0+00:00"') || ' ' || messages || ' ' ||
                                      to_char(oldest at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0+00:00"') || ' ' ||
                                      to_char(newest at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0+00:00"') order by id), '{}')
              from audit.delivery_log_purges where clinic_id = $1
            """, clinic);
        return rows;
    }

    private async Task<Guid> NewClinic(TimeSpan? retention)
    {
        var clinic = Guid.NewGuid();
        await host.Database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone) values ($1, $2, 'Test', 'Europe/London')", clinic, $"c-{clinic:N}");
        if (retention is { } days)
            await host.Database.ExecuteAsync("update clinic.clinics set delivery_log_retention = $2 where id = $1", clinic, days);
        return clinic;
    }

    /// <summary>A message whose latest activity was <paramref name="daysAgo"/> days ago, with two log entries.</summary>
    private async Task<Guid> Message(Guid? clinic, string status, int daysAgo)
    {
        var id = Guid.CreateVersion7();
        var at = Now.AddDays(-daysAgo);
        await host.Database.ExecuteAsync("""
            insert into messaging.messages (id, clinic_id, owner_id, channel, template, recipient, subject, body, due_at, status, next_attempt_at, created_at, updated_at)
            values ($1, $2, $3, 'email', 'test', 'someone@example.org', 'Subject', 'Body', $4, $5, $4, $4, $4)
            """, id, clinic is { } c ? c : DBNull.Value, Guid.NewGuid(), at, status);
        await host.Database.ExecuteAsync("""
            insert into messaging.delivery_log (message_id, clinic_id, attempt, status, at) values ($1, $2, 0, 'queued', $3), ($1, $2, 1, $4, $3)
            """, id, clinic is { } d ? d : DBNull.Value, at, status);
        return id;
    }
}
