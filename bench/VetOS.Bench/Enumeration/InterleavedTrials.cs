using System.Diagnostics;
using VetOS.Bench.Booking;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Enumeration;

/// <summary>One kind of request of a group; <paramref name="Before"/> runs untimed before each of its trials.</summary>
internal sealed record RequestKind(string Name, Func<CancellationToken, Task<HttpResponseMessage>> Send, Func<CancellationToken, Task>? Before = null);

internal sealed record KindTimes(string Name, LatencyDistribution Latency);

/// <param name="Statuses">Status codes of every timed answer of the group, with how many.</param>
/// <param name="Bodies">How many different answer bodies the group's timed trials got.</param>
internal sealed record GroupTimes(string Title, IReadOnlyList<KindTimes> Kinds, IReadOnlyDictionary<int, int> Statuses, int Bodies, CpuUsage Cpu);

/// <summary>
/// The kinds of a group take turns, one request at a time: trial i sends every kind once, and which goes first
/// rotates, so that drift in the machine's load lands on every kind alike.
/// </summary>
internal static class InterleavedTrials
{
    public const int WarmUp = 10;
    public const int Trials = 200;

    public static async Task<GroupTimes> MeasureAsync(string title, WebHost host, IReadOnlyList<RequestKind> kinds, CancellationToken cancellationToken)
    {
        var ticks = kinds.Select(_ => new List<long>(Trials)).ToArray();
        var statuses = new SortedDictionary<int, int>();
        var bodies = new HashSet<string>();
        Func<CpuUsage>? endCpuWindow = null;
        for (var trial = -WarmUp; trial < Trials; trial++)
        {
            if (trial == 0)
                endCpuWindow = CpuUsage.StartWindow(host.Process);
            for (var turn = 0; turn < kinds.Count; turn++)
            {
                var k = (trial + WarmUp + turn) % kinds.Count;
                if (kinds[k].Before is { } before)
                    await before(cancellationToken);
                var sent = Stopwatch.GetTimestamp();
                using var response = await kinds[k].Send(cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var elapsed = Stopwatch.GetTimestamp() - sent;
                if (trial < 0)
                    continue;
                ticks[k].Add(elapsed);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                bodies.Add(Convert.ToBase64String(body));
            }
        }
        var times = kinds.Select((kind, k) => new KindTimes(kind.Name, LatencyDistribution.FromStopwatchTicks(ticks[k]))).ToList();
        return new GroupTimes(title, times, statuses, bodies.Count, endCpuWindow!());
    }
}
