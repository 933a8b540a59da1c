using VetOS.Application.Consents;

namespace VetOS.Application.Messaging;

/// <summary>
/// A message that needs consent (it names a purpose, as reminders do) goes only if its owner consents to that purpose on
/// its channel at the moment it goes; service messages (no purpose) pass. Asked per batch in one query.
/// </summary>
public sealed class ConsentGate(IConsentCheck consent) : IMessageGate
{
    public const string NoConsent = "no-consent";

    public async Task<string?> SkipReasonAsync(QueuedMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await SkipReasonsAsync([message], now, cancellationToken))[0];

    public async Task<IReadOnlyList<string?>> SkipReasonsAsync(IReadOnlyList<QueuedMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reasons = new string?[messages.Count];
        var asked = new List<(int Index, ConsentQuestion Question)>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { Purpose: { } purpose } message)
                continue;
            if (message is { Owner: { } owner, Clinic: { } clinic })
                asked.Add((i, new ConsentQuestion(owner, clinic, purpose, message.Channel, now)));
            else
                reasons[i] = NoConsent; // nobody to have consented
        }
        if (asked.Count == 0)
            return reasons;
        var answers = await consent.HasConsentAsync(asked.Select(a => a.Question).ToList(), cancellationToken);
        for (var i = 0; i < asked.Count; i++)
            reasons[asked[i].Index] = answers[i] ? null : NoConsent;
        return reasons;
    }
}
