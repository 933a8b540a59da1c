using System.Collections.Concurrent;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>Stands in for Postmark and Twilio behind their port: records each send by recipient and answers from a script per recipient, else takes the message.</summary>
public sealed class FakeProvider : IEmailProvider, ITextProvider
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ProviderAnswer>> scripts = new();

    public ConcurrentQueue<string> Sent { get; } = new();

    public int SendsTo(string recipient) => Sent.Count(r => r == recipient);

    public void Answer(string recipient, params ProviderAnswer[] answers)
    {
        var script = scripts.GetOrAdd(recipient, _ => new ConcurrentQueue<ProviderAnswer>());
        foreach (var answer in answers)
            script.Enqueue(answer);
    }

    public static ProviderAnswer TryLater(string code) => new(ProviderVerdict.TryLater, "fake", null, null, code, "not now");

    public static ProviderAnswer Refused(string code) => new(ProviderVerdict.Refused, "fake", null, null, code, "never");

    public Task<ProviderAnswer> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => Take(email.To);

    public Task<ProviderAnswer> SendAsync(OutgoingText text, CancellationToken cancellationToken) => Take(text.To);

    private Task<ProviderAnswer> Take(string recipient)
    {
        Sent.Enqueue(recipient);
        var answer = scripts.TryGetValue(recipient, out var script) && script.TryDequeue(out var next)
            ? next
            : ProviderAnswer.Accepted("fake", Guid.NewGuid().ToString(), "queued");
        return Task.FromResult(answer);
    }
}
