using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VetOS.TestSupport;

/// <summary>A request as the stub received it, and when.</summary>
public sealed record StubRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt = default);

/// <summary>What the stub answers next: a status and body, after an optional delay (a timeout, when longer than the client waits).</summary>
public sealed record StubAnswer(int Status, string Body, TimeSpan Delay = default, string ContentType = "application/json");

/// <summary>
/// A local HTTP server standing in for a provider we cannot reach (Postmark, Twilio): it records every request exactly
/// as sent and answers from a script, then with <see cref="Default"/>.
/// </summary>
public sealed class ProviderStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<StubAnswer> script = new();

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public StubAnswer Default { get; set; } = new(200, "{}");

    /// <summary>When set, answers each request the script does not (e.g. with a fresh message id), instead of <see cref="Default"/>.</summary>
    public Func<StubRequest, StubAnswer>? Responder { get; set; }

    public Uri BaseUrl { get; }

    private ProviderStub(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<ProviderStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ProviderStub? stub = null;
        app.Run(async context => await stub!.Answer(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub = new ProviderStub(app, new Uri(address.TrimEnd('/') + "/"));
        return stub;
    }

    /// <summary>Forgets the requests received and the answers scripted so far.</summary>
    public void Reset()
    {
        Requests.Clear();
        script.Clear();
        Default = new StubAnswer(200, "{}");
    }

    public void Then(params StubAnswer[] answers)
    {
        foreach (var answer in answers)
            script.Enqueue(answer);
    }

    private async Task Answer(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new StubRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync(), DateTimeOffset.UtcNow);
        Requests.Enqueue(request);
        var answer = script.TryDequeue(out var next) ? next : Responder?.Invoke(request) ?? Default;
        if (answer.Delay > TimeSpan.Zero)
            await Task.Delay(answer.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        if (context.RequestAborted.IsCancellationRequested)
            return;
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
