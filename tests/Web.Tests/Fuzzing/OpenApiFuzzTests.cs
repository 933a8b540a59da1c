using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VetOS.TestSupport.Fuzzing;
using VetOS.Web.Auth;

namespace VetOS.Web.Tests.Fuzzing;

/// <summary>The host with a log of every error it writes, each traced to the fuzz case whose request it happened in.</summary>
public sealed class FuzzedApp : VetOSApp
{
    public HostErrorLog? ErrorLog { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(sp => ErrorLog = new HostErrorLog(sp.GetRequiredService<IHttpContextAccessor>())));
    }
}

/// <summary>
/// Every operation of the host's own OpenAPI document, sent generated requests (valid and random ids, hostile text, numbers
/// and dates, wrong types, missing and unknown fields, malformed JSON) as anonymous, owners and staff: none is answered
/// 5xx and the host logs no error. The seed is fixed so a failure replays: set VETOS_FUZZ_REPLAY to the case it names.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzedApp app) : IClassFixture<FuzzedApp>
{
    private const ulong Seed = 0x20_2026_1207;
    private const int Requests = 10_000;

    [Fact]
    public void The_fuzzers_actors_are_the_development_header_the_host_reads()
    {
        foreach (var actor in DemoFuzzData.Actors.Where(a => a.Actor is not null))
            actor.Header.Should().Be(DevelopmentActor.For(actor.Actor!)).And.Match(h => DevelopmentActor.Parse(h) == actor.Actor);
    }

    [Fact]
    public async Task No_operation_answers_a_5xx_or_logs_an_error_for_any_generated_request()
    {
        var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var generator = new RequestGenerator(new OpenApiOperations(document), DemoFuzzData.Ids, DemoFuzzData.Actors);
        var (seed, cases) = Environment.GetEnvironmentVariable("VETOS_FUZZ_REPLAY") is { Length: > 0 } replay
            ? (Fuzzer.ParseReplay(replay).Seed, new[] { Fuzzer.ParseReplay(replay).Case })
            : (Seed, Enumerable.Range(0, Requests).ToArray());

        var report = await Fuzzer.RunAsync(client, generator, seed, cases, parallelism: 4);

        var summary = $"{report.Sent:N0} requests to {generator.Operations.Count} operations in {report.Elapsed.TotalSeconds:0.0} s: {report.StatusLine()}";
        Console.WriteLine($"OpenAPI fuzz, seed {seed:x16}: {summary}");
        report.Sent.Should().Be(cases.Length);
        if (cases.Length == Requests)
            report.PerOperation.Keys.Should().BeEquivalentTo(generator.Operations.Select(o => o.Name), "every operation is sent requests");
        var errors = app.ErrorLog!.Errors.ToList();
        if (!report.Findings.IsEmpty || errors.Count > 0)
            Assert.Fail($"{report.Findings.Count} requests answered 5xx or nothing, and the host logged {errors.Count} errors ({summary}). "
                + $"Replay a case with VETOS_FUZZ_REPLAY=<case>:\n  {string.Join("\n  ", report.Findings.Take(20))}\n  {string.Join("\n  ", errors.Take(20))}");
    }
}
