using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Consent;

internal sealed record ReportRuns(IReadOnlyList<double> Seconds, int Rows, long Bytes, CpuUsage Cpu)
{
    public double Slowest => Seconds.Max();
    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);
    public string Figure => $"median {Median:0.00} s, slowest {Slowest:0.00} s";
}

/// <summary>A clinic-wide report fetched over HTTP, end to end: from sending the request until its last byte arrived.</summary>
internal static class ClinicReport
{
    public const int Runs = 5;

    /// <param name="rows">The JSON property holding the rows.</param>
    public static async Task<ReportRuns> MeasureAsync(HttpClient client, string path, bool csv, string rows, Process webHost, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        byte[] body = [];
        Func<CpuUsage>? endCpuWindow = null;
        for (var i = 0; i <= Runs; i++)
        {
            if (i == 1)
                endCpuWindow = CpuUsage.StartWindow(webHost); // after one warm-up run
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (csv)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (i > 0)
                seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        var cpu = endCpuWindow!();
        var count = csv
            ? body.Count(b => b == (byte)'\n') - 1
            : JsonDocument.Parse(body).RootElement.GetProperty(rows).GetArrayLength();
        return new ReportRuns(seconds, count, body.LongLength, cpu);
    }
}
