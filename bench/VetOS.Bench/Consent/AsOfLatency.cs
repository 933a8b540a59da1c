using System.Diagnostics;
using VetOS.Bench.Measurement;
using VetOS.Domain;

namespace VetOS.Bench.Consent;

internal sealed record LatencyRun(LatencyDistribution Latency, CpuUsage Cpu);

/// <summary>One client asking about random owners, instants and channels, one question after the other.</summary>
internal static class AsOfLatency
{
    public const int WarmUp = 200;
    public const int Samples = 3000;

    public static async Task<LatencyRun> MeasureAsync(
        SeededClinic clinic, int seed, Func<Guid, DateTimeOffset, string, Task> ask, CancellationToken cancellationToken, Process? webHost = null)
    {
        var random = new Random(seed);
        var span = clinic.Now - clinic.Opened;
        var ticks = new List<long>(Samples);
        Func<CpuUsage>? endCpuWindow = null;
        for (var i = 0; i < WarmUp + Samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == WarmUp)
                endCpuWindow = CpuUsage.StartWindow(webHost);
            var owner = clinic.Owners[random.Next(clinic.Owners.Count)];
            var at = clinic.Opened + span * random.NextDouble();
            var channel = MessageChannels.All[random.Next(MessageChannels.All.Count)];
            var started = Stopwatch.GetTimestamp();
            await ask(owner, at, channel);
            if (i >= WarmUp)
                ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        return new LatencyRun(LatencyDistribution.FromStopwatchTicks(ticks), endCpuWindow!());
    }
}
