using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;

namespace VetOS.Bench.Booking;

/// <summary>The built VetOS.Web as a child process on a port and database of its own; disposing kills it.</summary>
internal sealed class WebHost : IAsyncDisposable
{
    /// <summary>Port 5091 unless <c>VETOS_BENCH_WEB_PORT</c> names another (two benchmark runs on one machine).</summary>
    public static readonly Uri BaseAddress = new($"http://127.0.0.1:{Environment.GetEnvironmentVariable("VETOS_BENCH_WEB_PORT") ?? "5091"}");
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    private const int KeptLines = 40;

    private readonly ConcurrentQueue<string> lastLines = new();
    private long lines;
    private long errorLines;

    private WebHost(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Lines the host wrote (warnings and worse: its log level is Warning).</summary>
    public long OutputLines => Interlocked.Read(ref lines);

    /// <summary>Errors the host logged (the console logger's <c>fail:</c> and <c>crit:</c> lines): an unhandled exception is one.</summary>
    public long ErrorLines => Interlocked.Read(ref errorLines);

    /// <summary>The demo clinic seeded and the account limits far above anything a benchmark sends, so no trial meets a 429.</summary>
    public const int Unlimited = 1_000_000;

    public static Dictionary<string, string> DemoClinicWithoutLimits()
    {
        var unlimited = Unlimited.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string> { ["Database:SeedDemo"] = "true" };
        foreach (var limit in new[] { "SignIn", "SignUp", "ForgotPassword", "ResetPassword" })
            (settings[$"RateLimits:{limit}:PerIp"], settings[$"RateLimits:{limit}:PerAccount"]) = (unlimited, unlimited);
        return settings;
    }

    /// <param name="settings">Configuration keys (<c>RateLimits:SignIn:PerIp</c>) over the defaults below, for sections that need them.</param>
    public static async Task<WebHost> StartAsync(
        string connectionString, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = WebDll();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        if (await StatusAsync(probe, "/health/live", cancellationToken) is not null)
            throw new InvalidOperationException($"Something already answers on {BaseAddress}; stop it before benchmarking.");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // its content root: appsettings*.json are there
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["VETOS_DATABASE__CONNECTIONSTRING"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Database__SeedDemo"] = "false";
        start.Environment["Auth__DevelopmentActorHeader"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var host = new WebHost(Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {dll}."));
        host.Process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host.Process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host.Process.BeginOutputReadLine();
        host.Process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(probe, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws, with the host's last lines, if it has died.</summary>
    public void EnsureRunning()
    {
        if (Process.HasExited)
            throw new InvalidOperationException($"The web host exited with code {Process.ExitCode}.{Tail()}");
    }

    public string Tail() => lastLines.IsEmpty ? "" : $"\n  web host output (last lines):\n    {string.Join("\n    ", lastLines)}";

    private async Task WaitUntilReadyAsync(HttpClient probe, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyDeadline.TotalSeconds * Stopwatch.Frequency);
        while (await StatusAsync(probe, "/health/ready", cancellationToken) != HttpStatusCode.OK)
        {
            EnsureRunning();
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"The web host was not ready within {ReadyDeadline.TotalSeconds:0} s.{Tail()}");
            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(path, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { return null; }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        Interlocked.Increment(ref lines);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            Interlocked.Increment(ref errorLines);
        lastLines.Enqueue(line);
        while (lastLines.Count > KeptLines)
            lastLines.TryDequeue(out _);
    }

    private static string WebDll()
    {
        var dll = typeof(WebHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VetOS.Web.dll").Value!;
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built; building the harness builds it.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException) { }
        catch (OperationCanceledException) { Progress.Write($"the web host (pid {Process.Id}) did not exit within 10 s of being killed"); }
        Process.Dispose();
    }
}
