using System.Diagnostics;

namespace VetOS.Bench.Measurement;

/// <summary>
/// Where the machine's CPU went over a window, as fractions of all cores: this process, the local PostgreSQL
/// server's processes, the web host when one is measured, and anything else (which disturbs the figures).
/// Linux only; elsewhere just the harness (and web host).
/// </summary>
internal sealed record CpuUsage(double Harness, double? Busy, double? PostgreSql, double? IoWait, double? WebHost = null)
{
    public double? Other => Busy - Harness - PostgreSql - (WebHost ?? 0);

    /// <summary>Whether other processes took enough CPU to make the figures unreliable.</summary>
    public bool Disturbed => Other > 0.10;

    public override string ToString()
    {
        var webHost = WebHost is { } host ? $", web host {Percent(host)}" : "";
        return Busy is null
            ? $"harness {Percent(Harness)}{webHost} of all cores"
            : $"CPU {Percent(Busy.Value)} busy: harness {Percent(Harness)}{webHost}, PostgreSQL {Percent(PostgreSql!.Value)}, other {Percent(Math.Max(0, Other!.Value))}; iowait {Percent(IoWait!.Value)}";
    }

    private static string Percent(double fraction) => $"{fraction * 100:0}%";

    /// <param name="webHost">A child process to count apart from the harness (the web host), if any.</param>
    public static async Task<CpuUsage> MeasureAsync(long windowStart, long windowEnd, CancellationToken cancellationToken, Process? webHost = null)
    {
        await DelayUntil(windowStart, cancellationToken);
        var before = Sample.Take(webHost);
        await DelayUntil(windowEnd, cancellationToken);
        return Sample.Take(webHost).Since(before);
    }

    /// <summary>Starts a window now, for runs whose end is not known in advance; the function returned ends it.</summary>
    public static Func<CpuUsage> StartWindow(Process? webHost = null)
    {
        var before = Sample.Take(webHost);
        return () => Sample.Take(webHost).Since(before);
    }

    private static Task DelayUntil(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    private readonly record struct Sample(long Timestamp, TimeSpan HarnessCpu, TimeSpan? WebHostCpu, long[]? MachineJiffies, long PostgreSqlJiffies)
    {
        public static Sample Take(Process? webHost)
        {
            using var process = Process.GetCurrentProcess();
            webHost?.Refresh();
            var webHostCpu = webHost is { HasExited: false } ? webHost.TotalProcessorTime : (TimeSpan?)null;
            return new Sample(Stopwatch.GetTimestamp(), process.TotalProcessorTime, webHostCpu, MachineJiffiesNow(), PostgreSqlJiffiesNow());
        }

        public CpuUsage Since(Sample before)
        {
            var coreSeconds = Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalSeconds * Environment.ProcessorCount;
            var harness = (HarnessCpu - before.HarnessCpu).TotalSeconds / coreSeconds;
            var webHost = (WebHostCpu - before.WebHostCpu)?.TotalSeconds / coreSeconds;
            if (MachineJiffies is null || before.MachineJiffies is null)
                return new CpuUsage(harness, null, null, null, webHost);
            var delta = MachineJiffies.Zip(before.MachineJiffies, (after, earlier) => after - earlier).ToArray();
            double total = delta.Sum();
            // /proc/stat's cpu line: user nice system idle iowait irq softirq steal
            var busy = (total - delta[3] - delta[4]) / total;
            var postgreSql = (PostgreSqlJiffies - before.PostgreSqlJiffies) / total;
            return new CpuUsage(harness, busy, postgreSql, delta[4] / total, webHost);
        }

        private static long[]? MachineJiffiesNow()
        {
            if (!File.Exists("/proc/stat"))
                return null;
            var cpu = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            return cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        }

        /// <summary>utime + stime of the processes called postgres (backends that exit within the window are missed).</summary>
        private static long PostgreSqlJiffiesNow()
        {
            var sum = 0L;
            var processes = Directory.Exists("/proc")
                ? Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit))
                : [];
            foreach (var directory in processes)
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var nameEnd = stat.LastIndexOf(')');
                    if (nameEnd < 0 || stat[(stat.IndexOf('(') + 1)..nameEnd] != "postgres")
                        continue;
                    // Fields after the name: state is field 3; utime and stime are fields 14 and 15.
                    var fields = stat[(nameEnd + 2)..].Split(' ');
                    sum += long.Parse(fields[11]) + long.Parse(fields[12]);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            return sum;
        }
    }
}
