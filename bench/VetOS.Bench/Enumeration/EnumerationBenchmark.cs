using System.Net;
using System.Net.Http.Json;
using VetOS.Bench.Booking;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Bench.Enumeration;

/// <summary>
/// Whether an address has an account should not show in how long sign-in, forgot-password and sign-up take: each
/// group's kinds of request, side by side through real HTTP against the built web host.
/// </summary>
internal sealed class EnumerationBenchmark : IBenchmark
{
    private const string GoodPassword = "a long passphrase for my dog";
    private const string WrongPassword = "not my password at all";

    public string Name => "enumeration";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var name = $"{context.Options.DatabaseName}_enumeration";
        await using var database = await BenchDatabase.CreateAsync(context.ServerConnectionString, name, cancellationToken, migrate: false);
        await using var host = await WebHost.StartAsync(BenchDatabase.ConnectionStringFor(context.ServerConnectionString, name), cancellationToken,
            WebHost.DemoClinicWithoutLimits());
        Progress.Write($"web host (pid {host.Process.Id}) ready on {WebHost.BaseAddress} over database {name}");

        using var client = new HttpClient { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Task<HttpResponseMessage> Post(string action, object body, CancellationToken ct) => client.PostAsJsonAsync($"/api/account/{action}", body, ct);
        async Task<string> ConfirmedAccountAsync()
        {
            var email = NewEmail();
            using var response = await Post("sign-up", SignUp(email), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"Signing {email} up answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}{host.Tail()}");
            await Users(email, "email_confirmed = true", cancellationToken);
            return email;
        }
        Task Users(string email, string set, CancellationToken ct) =>
            database.ExecuteAsync($"update identity.users set {set} where email = '{email}'", ct); // our own addresses: no quoting needed

        var wrongPassword = await ConfirmedAccountAsync();
        var locked = await ConfirmedAccountAsync();
        await Users(locked, "lockout_end = now() + interval '100 years'", cancellationToken);
        var forgetful = await ConfirmedAccountAsync();
        var taken = await ConfirmedAccountAsync();

        List<GroupTimes> groups = [];
        async Task Measure(string title, params RequestKind[] kinds)
        {
            var group = await InterleavedTrials.MeasureAsync(title, host, kinds, cancellationToken);
            host.EnsureRunning();
            Progress.Write($"{title}: {string.Join("; ", group.Kinds.Select(k => $"{k.Name} median {k.Latency.P50Ms:0.00} ms"))}; {group.Cpu}");
            groups.Add(group);
        }
        await Measure("Sign-in, POST /api/account/sign-in",
            new RequestKind("unknown address", ct => Post("sign-in", new { email = NewEmail(), password = WrongPassword }, ct)),
            new RequestKind("confirmed account, wrong password", ct => Post("sign-in", new { email = wrongPassword, password = WrongPassword }, ct),
                // Never five failures in a row, so every trial takes the path of an account not locked yet.
                Before: ct => Users(wrongPassword, "access_failed_count = 0, lockout_end = null", ct)),
            new RequestKind("locked account, right password", ct => Post("sign-in", new { email = locked, password = GoodPassword }, ct)));
        await Measure("Forgot password, POST /api/account/forgot-password",
            new RequestKind("unknown address", ct => Post("forgot-password", new { email = NewEmail() }, ct)),
            new RequestKind("known address", ct => Post("forgot-password", new { email = forgetful }, ct)));
        await Measure("Sign-up, POST /api/account/sign-up",
            new RequestKind("new address", ct => Post("sign-up", SignUp(NewEmail()), ct)),
            new RequestKind("taken address", ct => Post("sign-up", SignUp(taken), ct)));

        var rows = groups.SelectMany(g => g.Kinds.Select(k => new BenchRow(
            $"{g.Title}: {k.Name}",
            $"median {k.Latency.P50Ms:0.00} ms, p90 {k.Latency.P90Ms:0.00} ms, p99 {k.Latency.P99Ms:0.00} ms",
            Ratio: k == g.Kinds[0] ? "reference" : $"{k.Latency.P50Ms - g.Kinds[0].Latency.P50Ms:+0.00;−0.00;0.00} ms"))).ToList();
        List<string> notes =
        [
            $"Through HTTP/1.1 against the built VetOS.Web started by the harness (Release, Development environment, log level Warning) on {WebHost.BaseAddress}, "
                + $"over a database of its own (`{name}`, recreated, migrated and seeded with the demo clinic by the host each run), every `RateLimits:…:PerIp` and `PerAccount` "
                + $"at {WebHost.Unlimited:N0} so that none answers 429; harness, web host and PostgreSQL share the machine.",
            $"One client, one request at a time. In each group the kinds take turns: trial i sends every kind once, the first rotating; {InterleavedTrials.WarmUp} warm-up trials, "
                + $"then {InterleavedTrials.Trials} per kind (a fixed count, not `--seconds`), each timed from sending the request to the last byte of the answer. "
                + "The gap column is each median minus the median of the group's first kind.",
            "Accounts are signed up through POST /api/account/sign-up for the demo clinic, then confirmed by `email_confirmed = true` in `identity.users`; the locked one has "
                + "`lockout_end` 100 years ahead; before each wrong-password trial its account gets `access_failed_count = 0, lockout_end = null`, so it never locks. "
                + "Unknown and new addresses are new every trial.",
            "The tests assert the work instead of the time: sign-in's and forgot-password's kinds compute the same password hashes and run the same SQL statements, and every group's kinds hash alike and answer the same bytes; "
                + "forgot-password looks the address up after answering. This section reports the time it takes.",
            .. groups.Select(g => $"{g.Title}: answers {string.Join(", ", g.Statuses.Select(s => $"{s.Key} ×{s.Value:N0}"))}, {(g.Bodies == 1 ? "one body" : $"{g.Bodies} different bodies")}; "
                + $"{g.Cpu}{(g.Cpu.Disturbed ? " — DISTURBED by other processes, rerun on a quiet machine" : "")}."),
        ];
        if (host.OutputLines > 0)
            Progress.Write($"the web host wrote {host.OutputLines:N0} lines:{host.Tail()}");
        if (host.OutputLines > 0)
            notes.Add($"The web host wrote {host.OutputLines:N0} lines of warnings or errors.");
        return new BenchSection("Account enumeration", rows, notes, RatioHeading: "Median gap to the group's first kind");
    }

    private static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.org";

    private static object SignUp(string email) =>
        new { clinic = DemoClinic.Id, name = "Ada Lovelace", email, phone = "+44 7911 123456", password = GoodPassword };
}
