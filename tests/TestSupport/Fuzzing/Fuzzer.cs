using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>A request the host answered with a 5xx, or could not answer at all.</summary>
public sealed record FuzzFinding(string Replay, FuzzRequest Request, int Status, string Answer)
{
    public override string ToString() => $"{Request.Operation.Name} answered {(Status == 0 ? "nothing" : Status.ToString(CultureInfo.InvariantCulture))} to case {Replay}: {Request.Describe()}\n    {Answer}";
}

public sealed class FuzzReport(ulong seed)
{
    public ulong Seed { get; } = seed;
    public int Sent => Statuses.Values.Sum();
    public TimeSpan Elapsed { get; internal set; }
    public ConcurrentDictionary<int, int> Statuses { get; } = new();
    public ConcurrentQueue<FuzzFinding> Findings { get; } = new();
    public ConcurrentDictionary<string, int> PerOperation { get; } = new();

    public string StatusLine() => string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key switch { 0 => "no answer", Fuzzer.RefusedByTransport => "refused by the transport", var code => code.ToString(CultureInfo.InvariantCulture) }} ×{s.Value:N0}"));
}

/// <summary>Sends generated cases to a host, several at a time, and keeps every 5xx with the seed and case that replay it.</summary>
public static class Fuzzer
{
    /// <summary>Every request carries its replay tag, so what the host logs can be traced to it.</summary>
    public const string CaseHeader = "X-Fuzz-Case";

    /// <summary>The status kept for a request the transport refused before the host saw it (a NUL in the path).</summary>
    public const int RefusedByTransport = -1;

    public static string Replay(ulong seed, int index) => $"{seed:x16}:{index}";

    /// <summary>Parses a tag from <see cref="Replay"/>.</summary>
    public static (ulong Seed, int Case) ParseReplay(string tag)
    {
        var parts = tag.Split(':');
        return (ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <param name="until">Stops sending new cases once this much time has passed, if given.</param>
    public static async Task<FuzzReport> RunAsync(
        HttpClient client, RequestGenerator generator, ulong seed, IEnumerable<int> cases, int parallelism, TimeSpan? until = null, CancellationToken cancellationToken = default)
    {
        var report = new FuzzReport(seed);
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (until is { } budget)
            stop.CancelAfter(budget);
        try
        {
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token },
                async (index, _) => await SendAsync(client, generator.Case(seed, index), Replay(seed, index), report, cancellationToken));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static async Task SendAsync(HttpClient client, FuzzRequest request, string replay, FuzzReport report, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        message.Headers.TryAddWithoutValidation(CaseHeader, replay);
        if (request.Actor.Header is { } actor)
            message.Headers.TryAddWithoutValidation("X-Dev-Actor", actor);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.MediaType);
        }
        int status;
        string answer;
        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message == "The path contains null characters.")
        {
            // The in-process test server's URL decoder (Kestrel answers such a path 400). Matched by its message: under load the
            // exception is rethrown from another thread, and its stack no longer shows the decoder.
            (status, answer) = (RefusedByTransport, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            (status, answer) = (0, e.ToString());
        }
        report.Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        report.PerOperation.AddOrUpdate(request.Operation.Name, 1, (_, n) => n + 1);
        if (status is 0 or >= 500)
            report.Findings.Enqueue(new FuzzFinding(replay, request, status, answer.Length > 2_000 ? answer[..2_000] + "…" : answer));
    }
}
