namespace VetOS.Application.Messaging;

/// <summary>
/// A send-time check: asked just before a message goes out, it names why the message must not be sent (the reason
/// is recorded as the message's skip reason), or answers null. The dispatcher asks every registered gate.
/// </summary>
public interface IMessageGate
{
    Task<string?> SkipReasonAsync(QueuedMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One answer per message, in order. The dispatcher asks for a whole batch at once; a gate that can answer many in one query overrides this.</summary>
    async Task<IReadOnlyList<string?>> SkipReasonsAsync(IReadOnlyList<QueuedMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reasons = new string?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
            reasons[i] = await SkipReasonAsync(messages[i], now, cancellationToken);
        return reasons;
    }
}
