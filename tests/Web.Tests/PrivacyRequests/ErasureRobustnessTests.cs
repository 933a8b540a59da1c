using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain.PrivacyRequests;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>Erasure run twice gives the same outcome; other owners' rows and events stay byte for byte as they were.</summary>
public sealed class ErasureRobustnessTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task Erasing_a_completed_request_again_is_refused_as_closed_and_changes_nothing()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        (await admin.PostAsync(Erase(erased), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var done = await admin.RequestFile(erased.Request);

        var again = await admin.PostAsync(Erase(erased), null);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Json()).GetProperty("rule").GetString().Should().Be("request-closed");
        var after = await admin.RequestFile(erased.Request);
        (after.Request.Status, after.Request.Outcome, after.Request.Revision).Should().Be((done.Request.Status, done.Request.Outcome, done.Request.Revision));
        after.ErasureReports.Should().HaveCount(1);
        (await app.Database.ScalarAsync<long>("select count(*) from privacy.erasures_in_progress where request_id = $1", erased.Request))
            .Should().Be(0, "once completed, nothing knows what the erasure looked for");
    }

    [Fact]
    public async Task A_request_left_in_progress_by_traces_found_is_erased_again_looking_for_the_same_details_and_completes()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        // A copy of the name where no holder looks: the first run cannot complete.
        await app.Database.ExecuteAsync("insert into projections.checkpoints (name, commit_position, prepare_position) values ($1, 0, 0)", erased.Name);

        var first = await admin.PostAsync(Erase(erased), null);

        first.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var traces = (await first.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        traces.Report!.Scan.Hits.Should().ContainSingle().Which.Place.Should().Be("projections.checkpoints.name");
        traces.Request!.Status.Should().Be(PrivacyRequestStatus.InProgress);
        await app.Database.ExecuteAsync("delete from projections.checkpoints where name = $1", erased.Name);

        var second = await admin.PostAsync(Erase(erased), null);

        second.StatusCode.Should().Be(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        var result = (await second.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        result.Report!.Scan.Searched.Should().BeEquivalentTo(["name", "email", "phone", "pet"], "the owner's details, though the first run shredded them");
        result.Report.Scan.Hits.Should().BeEmpty();
        result.Report.Sections.Single(s => s.Section == "account").Removed.Should().Be(1, "the first run removed it");
        result.Request!.Status.Should().Be(PrivacyRequestStatus.Completed);
        (await app.ScanAsync(erased.Terms)).Hits.Should().BeEmpty();
    }

    [Fact]
    public async Task Erasing_one_owner_leaves_every_row_and_event_of_three_others_byte_for_byte_as_it_was()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        SeededOwner[] others = [await app.SeedOwnerEverywhereAsync(), await app.SeedOwnerEverywhereAsync(), await app.SeedOwnerEverywhereAsync()];
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        var before = await RowsOf(others);
        before.Keys.Should().Contain(["identity.users", "owners.pets", "owners.clinic_clients", "booking.appointments", "consent.periods",
            "messaging.messages", "messaging.delivery_log", "messaging.outbox", "audit.access_log", "privacy.requests", "event_store.events",
            "key_store.subject_keys"], "the snapshot holds their data everywhere, or it would prove nothing");

        (await admin.PostAsync(Erase(erased), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await RowsOf(others);
        after.Keys.Should().BeEquivalentTo(before.Keys);
        foreach (var (table, rows) in before)
            after[table].Should().Be(rows, "{0} holds the other owners' rows as they were", table);
    }

    private static string Erase(SeededOwner owner) => $"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/erase";

    /// <summary>
    /// Per table, in every schema, the text of every row that names one of the owners: by their ids (account, pets,
    /// appointments, requests, messages), email address or phone number. Events are rows of event_store.events, as stored.
    /// </summary>
    private async Task<Dictionary<string, string>> RowsOf(IEnumerable<SeededOwner> owners)
    {
        var ids = owners.Select(o => o.Owner.Id).ToArray();
        var messages = new List<string>();
        await using (var command = app.Database.DataSource.CreateCommand("select id::text from messaging.messages where owner_id = any($1)"))
        {
            command.Parameters.AddWithValue(ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                messages.Add(reader.GetString(0));
        }
        string[] needles =
        [
            .. owners.SelectMany(o => new[] { o.Owner.Id, o.Pet, o.Booking, o.Request }.Select(id => id.ToString())),
            .. owners.SelectMany(o => new[] { o.Email, o.Phone }), .. messages,
        ];
        var tables = new List<string>();
        await using (var command = app.Database.DataSource.CreateCommand("""
            select format('%I.%I', table_schema, table_name) from information_schema.tables
             where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1
            """))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = app.Database.DataSource.CreateCommand($"""
                select string_agg(t::text, E'\n' order by t::text) from {table} t where exists (select from unnest($1::text[]) n where strpos(t::text, n) > 0)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = needles });
            if (await command.ExecuteScalarAsync() is string rows)
                snapshot[table] = rows;
        }
        return snapshot;
    }
}

/// <summary>
/// Erasure dies once, as if the process were killed: before or right after the holder of a section, or after the keys
/// were destroyed (before the scan); then it is run again.
/// </summary>
public sealed class ErasureCrashTests(CrashingErasureApp app) : IClassFixture<CrashingErasureApp>
{
    [Theory]
    [InlineData("before messages")]
    [InlineData("before account")]
    [InlineData("account")]
    [InlineData(CrashingErasureApp.AfterKeys)]
    public async Task Erasure_killed_halfway_and_run_again_completes_and_the_scan_is_clean(string crashAfter)
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        var erase = $"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase";
        app.CrashAfter(crashAfter);

        (await admin.PostAsync(erase, null)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        app.Crashed.Should().BeTrue("the erasure died at {0}", crashAfter);

        var rerun = await admin.PostAsync(erase, null);

        rerun.StatusCode.Should().Be(HttpStatusCode.OK, await rerun.Content.ReadAsStringAsync());
        var result = (await rerun.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        result.Report!.Scan.Searched.Should().BeEquivalentTo(["name", "email", "phone", "pet"], "the run after the crash looks for the same details");
        result.Report.Scan.Hits.Should().BeEmpty();
        result.Report.KeyDestroyed.Should().BeTrue();
        result.Report.Sections.Single(s => s.Section == "owner-record").Removed.Should().BeGreaterThan(0, "the report counts what the killed run removed too");
        if (crashAfter != "account") // killed between deleting the account and noting it: that count is lost, not the erasure
            result.Request!.Outcome.Should().Contain("account (1)");
        result.Request!.Status.Should().Be(PrivacyRequestStatus.Completed);
        (await app.ScanAsync(erased.Terms)).Hits.Should().BeEmpty();
        (await app.Database.ScalarAsync<long>("select count(*) from identity.users where id = $1", erased.Owner.Id)).Should().Be(0);
        (await app.Database.ScalarAsync<long>("select count(*) from privacy.erasures_in_progress where request_id = $1", erased.Request)).Should().Be(0);
        (await app.Database.ScalarAsync<bool>("select key is null from key_store.subject_keys where subject_id = $1", $"erasure/{erased.Request}"))
            .Should().BeTrue("the terms' key goes when the request completes");
        var third = await admin.PostAsync(erase, null);
        third.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await third.Json()).GetProperty("rule").GetString().Should().Be("request-closed");
    }
}

/// <summary>A host whose next erasure dies once at the point a test chooses.</summary>
public sealed class CrashingErasureApp : VetOSApp
{
    public const string AfterKeys = "keys";

    private string? crashAfter;

    public bool Crashed { get; private set; }

    public void CrashAfter(string point) => (crashAfter, Crashed) = (point, false);

    private void CrashIf(string point)
    {
        lock (this)
        {
            if (crashAfter != point)
                return;
            (crashAfter, Crashed) = (null, true);
        }
        throw new InvalidOperationException($"Killed after {point}.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // Re-registered in the same order, each wrapped.
            foreach (var holder in services.Where(d => d.ServiceType == typeof(IPersonalDataHolder)).ToList())
            {
                services.Remove(holder);
                services.AddSingleton<IPersonalDataHolder>(sp =>
                    new CrashingHolder((IPersonalDataHolder)ActivatorUtilities.CreateInstance(sp, holder.ImplementationType!), this));
            }
            var scan = services.Single(d => d.ServiceType == typeof(IErasureScan));
            services.Remove(scan);
            services.AddSingleton<IErasureScan>(sp => new CrashingScan((IErasureScan)ActivatorUtilities.CreateInstance(sp, scan.ImplementationType!), this));
        });
    }

    private sealed class CrashingHolder(IPersonalDataHolder inner, CrashingErasureApp app) : IPersonalDataHolder
    {
        public string Section => inner.Section;

        public Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken) => inner.ExportAsync(subject, cancellationToken);

        public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
        {
            app.CrashIf($"before {Section}");
            var erased = await inner.EraseAsync(subject, rules, cancellationToken);
            app.CrashIf(Section);
            return erased;
        }
    }

    /// <summary>Erasure scans right after destroying the keys.</summary>
    private sealed class CrashingScan(IErasureScan inner, CrashingErasureApp app) : IErasureScan
    {
        public Task<ErasureScanReport> ScanAsync(IReadOnlyList<SearchTerm> terms, ErasureScope? scope, CancellationToken cancellationToken)
        {
            app.CrashIf(AfterKeys);
            return inner.ScanAsync(terms, scope, cancellationToken);
        }
    }
}
