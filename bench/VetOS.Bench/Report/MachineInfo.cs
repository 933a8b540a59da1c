using System.Runtime.InteropServices;
using Npgsql;

namespace VetOS.Bench.Report;

internal static class MachineInfo
{
    public static async Task<IReadOnlyList<string>> CollectAsync(NpgsqlDataSource dataSource, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select version(), current_setting('synchronous_commit'), current_setting('fsync'), current_setting('shared_buffers')");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return
        [
            $"- CPU: {ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString()}, "
                + $"{Environment.ProcessorCount} cores, shared by the harness and PostgreSQL",
            $"- Memory: {Memory()}",
            $"- OS: {OsName()}",
            $"- PostgreSQL: {reader.GetString(0)}; synchronous_commit={reader.GetString(1)}, fsync={reader.GetString(2)}, shared_buffers={reader.GetString(3)}",
            $"- .NET: {RuntimeInformation.FrameworkDescription}",
            $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
            $"- Run: {options.Duration.TotalSeconds:0} s per measurement after {options.WarmUp.TotalSeconds:0} s warm-up; catch-up over {options.CatchUpEvents:N0} events",
        ];
    }

    private static string Memory()
    {
        var total = ProcField("/proc/meminfo", "MemTotal");
        return total is not null && long.TryParse(total.Split(' ')[0], out var kib)
            ? $"{kib / 1024.0 / 1024.0:0.0} GiB"
            : "unknown";
    }

    private static string OsName()
    {
        if (File.Exists("/etc/os-release"))
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
                return $"{pretty["PRETTY_NAME=".Length..].Trim('"')}, kernel {Environment.OSVersion.Version}";
        }
        return RuntimeInformation.OSDescription;
    }

    private static string? ProcField(string path, string field) =>
        File.Exists(path)
            ? File.ReadLines(path)
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2 && p[0].Trim() == field)
                .Select(p => p[1].Trim())
                .FirstOrDefault()
            : null;
}
