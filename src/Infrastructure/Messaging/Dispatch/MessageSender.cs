using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VetOS.Application.Messaging;
using VetOS.Domain;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>Puts a claimed batch to every send-time gate, then hands a group of messages to their providers at once.</summary>
internal sealed class MessageSender(IServiceProvider services, IEnumerable<IMessageGate> gates, TimeProvider clock, ILogger<MessageSender> logger)
{
    private readonly IReadOnlyList<IMessageGate> gates = gates.ToList();

    /// <summary>The first reason any gate gives to skip each message, or null to send it.</summary>
    public async Task<IReadOnlyList<string?>> SkipReasonsAsync(IReadOnlyList<ClaimedMessage> batch, CancellationToken cancellationToken)
    {
        var reasons = new string?[batch.Count];
        var messages = batch.Select(c => c.Message).ToList();
        var now = clock.GetUtcNow();
        foreach (var gate in gates)
        {
            var answers = await gate.SkipReasonsAsync(messages, now, cancellationToken);
            for (var i = 0; i < reasons.Length; i++)
                reasons[i] ??= answers[i];
        }
        return reasons;
    }

    /// <summary>Sends the group at once. Not cancelled midway: a send once started is seen through and recorded.</summary>
    public Task<Outcome[]> SendAsync(IReadOnlyList<ClaimedMessage> group, DispatcherOptions options)
    {
        var email = services.GetRequiredService<IEmailProvider>();
        var text = services.GetRequiredService<ITextProvider>();
        var window = services.GetRequiredService<IWhatsAppWindow>();
        return Task.WhenAll(group.Select(claimed => SendOneAsync(claimed, email, text, window, options)));
    }

    private async Task<Outcome> SendOneAsync(ClaimedMessage claimed, IEmailProvider email, ITextProvider text, IWhatsAppWindow window, DispatcherOptions options)
    {
        var message = claimed.Message;
        ProviderAnswer answer;
        try
        {
            answer = message.Channel == MessageChannels.Email
                ? await email.SendAsync(new OutgoingEmail(message.Recipient, message.Subject ?? "", message.Body, message.Template,
                    message.Attachment is { } attachment ? [attachment] : []), CancellationToken.None)
                : await text.SendAsync(await TextFor(message, window), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sending message {Message} failed unexpectedly; it goes back to the queue", message.Id);
            answer = new ProviderAnswer(ProviderVerdict.TryLater, "unknown", null, null, "exception", e.GetType().Name);
        }
        return Outcome.Of(answer, claimed, clock.GetUtcNow(), options);
    }

    /// <summary>WhatsApp outside the 24-hour window takes the approved template the message carries; everything else its text.</summary>
    private async Task<OutgoingText> TextFor(QueuedMessage message, IWhatsAppWindow window)
    {
        var open = message is { WhatsAppTemplate: not null, Owner: { } owner }
                   && await window.IsOpenAsync(owner, clock.GetUtcNow(), CancellationToken.None);
        return TextContent.For(message.Channel, message.Recipient, message.Body, message.WhatsAppTemplate, open) with { Tag = message.Template };
    }
}
