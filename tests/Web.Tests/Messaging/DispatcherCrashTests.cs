using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace VetOS.Web.Tests.Messaging;

/// <summary>The crash test runs alone: it kills processes and counts on the machine's whole attention for its pace.</summary>
[CollectionDefinition(nameof(Crashes), DisableParallelization = true)]
public sealed class Crashes;

/// <summary>
/// The built portal runs only its dispatcher (<c>VetOS.Web dispatch</c>) against a Postmark stand-in, and is killed
/// (SIGKILL) four times during a run of 10,000 messages, then restarted each time.
/// </summary>
[Collection(nameof(Crashes))]
public sealed class DispatcherCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 10_000;
    private static readonly int[] KillAfter = [1_500, 3_500, 5_500, 7_500];
    private readonly TestDatabase database = new();
    private readonly ConcurrentQueue<string> lastLines = new();
    private ProviderStub stub = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        stub = await ProviderStub.StartAsync();
        stub.Responder = _ => new StubAnswer(200, $$"""{"ErrorCode":0,"Message":"OK","MessageID":"{{Guid.NewGuid()}}"}""");
    }

    public async Task DisposeAsync()
    {
        await stub.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <param name="sendTogether">1: at most one duplicate a kill; 3, the default: at most three, for a third of the commits.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Killed_four_times_the_dispatcher_loses_nothing_repeats_at_most_one_group_per_kill_and_never_a_recorded_send(int sendTogether)
    {
        await database.ExecuteAsync("""
            insert into messaging.messages (id, channel, template, recipient, subject, body, due_at, next_attempt_at, created_at, updated_at)
            select gen_random_uuid(), 'email', 'crash-test', 'm' || i || '@crash.example', 'Reminder', 'Body ' || i, now(), now(), now(), now()
              from generate_series(1, $1) i
            """, Messages);
        var started = Stopwatch.StartNew();

        foreach (var threshold in KillAfter)
        {
            using var dispatcher = Start(sendTogether);
            await Eventually.Until(SentAsync, sent => sent >= threshold, TimeSpan.FromSeconds(60), $"{threshold} sent; the dispatcher said: {string.Join(" | ", lastLines)}");
            await Task.Delay(Random.Shared.Next(0, 5)); // so the kill lands anywhere in the cycle
            dispatcher.Kill(entireProcessTree: true);
            await dispatcher.WaitForExitAsync();
        }
        using (var last = Start(sendTogether))
        {
            await Eventually.Until(() => database.ScalarAsync<long>("select count(*) from messaging.messages where status <> 'sent'"), left => left == 0,
                TimeSpan.FromSeconds(60), "every message sent");
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync();
        }

        var requests = stub.Requests.GroupBy(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("To").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ReceivedAt).ToList());
        var duplicates = requests.Values.Sum(times => times.Count - 1);
        var kills = KillAfter.Length;
        var group = sendTogether;
        output.WriteLine($"{Messages} messages, {kills} kills, {stub.Requests.Count} sends, {duplicates} duplicates (at most {group} a kill), {started.Elapsed.TotalSeconds:F1} s");

        requests.Should().HaveCount(Messages, "no message is lost");
        duplicates.Should().BeLessThanOrEqualTo(kills * group, "only the group in flight at a kill can go again");
        (await database.ScalarAsync<long>("select count(*) from messaging.delivery_log where status = 'sent'")).Should().Be(Messages, "each is recorded as sent once");
        var recordedAt = await SentTimesAsync();
        requests.Where(r => r.Value.Max() > recordedAt[r.Key]).Should().BeEmpty("nothing goes out after its send was recorded");
    }

    private Task<long> SentAsync() => database.ScalarAsync<long>("select count(*) from messaging.messages where status = 'sent'");

    private async Task<Dictionary<string, DateTimeOffset>> SentTimesAsync()
    {
        await using var command = database.DataSource.CreateCommand("select recipient, sent_at from messaging.messages");
        await using var reader = await command.ExecuteReaderAsync();
        var times = new Dictionary<string, DateTimeOffset>();
        while (await reader.ReadAsync())
            times[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return times;
    }

    private Process Start(int sendTogether)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VetOS.Web.dll"));
        start.ArgumentList.Add("dispatch");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["VETOS_DATABASE__CONNECTIONSTRING"] = database.ConnectionString;
        start.Environment["VETOS_POSTMARK__SERVERTOKEN"] = "crash-test-token";
        start.Environment["VETOS_POSTMARK__FROM"] = "clinic@crash.example";
        start.Environment["VETOS_POSTMARK__BASEURL"] = stub.BaseUrl.ToString();
        start.Environment["VETOS_MESSAGING__DISPATCHER__SENDTOGETHER"] = sendTogether.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lastLines.Enqueue(line);
        while (lastLines.Count > 20)
            lastLines.TryDequeue(out _);
    }
}
