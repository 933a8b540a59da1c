using System.Diagnostics;

namespace VetOS.Bench.Measurement;

internal sealed record LatencyDistribution(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencyDistribution FromStopwatchTicks(IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0)
            return new LatencyDistribution(0, double.NaN, double.NaN, double.NaN, double.NaN);
        double Percentile(double p) => Ms(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)]);
        return new LatencyDistribution(sorted.Length, Percentile(0.50), Percentile(0.90), Percentile(0.99), Ms(sorted[^1]));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
