using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Bench.Booking;
using VetOS.TestSupport.Fuzzing;

namespace VetOS.Bench.Fuzz;

/// <summary>
/// The OpenAPI fuzz test's generator with a fresh seed and many more requests, through real HTTP against the built web
/// host: every 5xx is kept with the seed and case that replay it in the test.
/// </summary>
internal sealed class FuzzBenchmark : IBenchmark
{
    private const int Parallelism = 4;

    public string Name => "fuzz";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var name = $"{context.Options.DatabaseName}_fuzz";
        await using var database = await BenchDatabase.CreateAsync(context.ServerConnectionString, name, cancellationToken, migrate: false);
        await using var host = await WebHost.StartAsync(BenchDatabase.ConnectionStringFor(context.ServerConnectionString, name), cancellationToken,
            WebHost.DemoClinicWithoutLimits());
        Progress.Write($"web host (pid {host.Process.Id}) ready on {WebHost.BaseAddress} over database {name}");

        using var client = new HttpClient { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", cancellationToken);
        var generator = new RequestGenerator(new OpenApiOperations(document), DemoFuzzData.Ids, DemoFuzzData.Actors);
        var seed = (ulong)Random.Shared.NextInt64();
        var requests = context.Options.FuzzRequests;
        Progress.Write($"fuzzing {generator.Operations.Count} operations with seed {seed:x16}: {requests:N0} requests, {Parallelism} at a time");

        var report = await Fuzzer.RunAsync(client, generator, seed, Enumerable.Range(0, requests), Parallelism, cancellationToken: cancellationToken);
        host.EnsureRunning();
        var serverErrors = report.Statuses.Where(s => s.Key is 0 or >= 500).Sum(s => s.Value);
        Progress.Write($"{report.Sent:N0} requests in {report.Elapsed.TotalSeconds:0.0} s: {report.StatusLine()}; the host logged {host.ErrorLines:N0} errors");
        foreach (var finding in report.Findings.Take(20))
            Progress.Write(finding.ToString());

        List<BenchRow> rows =
        [
            new("Requests sent", $"{report.Sent:N0} to {generator.Operations.Count} operations in {report.Elapsed.TotalSeconds:0.0} s ({report.Sent / report.Elapsed.TotalSeconds:N0} per second)"),
            new("Answered 5xx or not at all", $"{serverErrors:N0}", "0", Met: serverErrors == 0),
            new("Errors in the host's log", $"{host.ErrorLines:N0}", "0", Met: host.ErrorLines == 0),
        ];
        List<string> notes =
        [
            $"Seed `{seed:x16}` (fresh each run; the test runs a fixed one over 10,000 requests). Answers: {report.StatusLine()}.",
            $"Through HTTP/1.1 against the built VetOS.Web started by the harness (Release, Development environment, log level Warning) on {WebHost.BaseAddress}, "
                + $"over a database of its own (`{name}`, recreated, migrated and seeded with the demo clinic by the host each run), rate limits at {WebHost.Unlimited:N0}; "
                + $"{Parallelism} requests at a time; harness, web host and PostgreSQL share the machine. `--fuzz-requests N` sets the count (50,000 unless given).",
            "Each case is one operation of the host's own /openapi/v1.json, the operations taking turns, as anonymous, an owner or a member of staff, with path, "
                + "query and body values generated from its schemas by CsCheck: the demo clinic's ids, random and junk ids, control characters and NUL, lone "
                + "surrogates, huge strings, extreme numbers, dates at the edges of the calendar, wrong types, missing and unknown fields, duplicate keys, "
                + "malformed and deeply nested JSON, invalid UTF-8; one request in four has only plausible values, to reach past validation.",
            .. report.Findings.Take(10).Select(f => $"Replay with `VETOS_FUZZ_REPLAY={f.Replay} ./vetos test --filter OpenApiFuzzTests`: {f.Request.Operation.Name} answered {f.Status}."),
        ];
        return new BenchSection("OpenAPI fuzzing", rows, notes, RatioHeading: "—");
    }
}
