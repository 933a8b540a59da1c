using VetOS.Application.Messaging;
using VetOS.Domain;

namespace VetOS.Infrastructure.Messaging;

/// <summary>Account emails (confirmations, resets, invitations) go through the queue like every message: due at once, logged, sent by the dispatcher.</summary>
public sealed class QueueingEmailSender(IMessageQueue queue, TimeProvider clock) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new QueuedMessage(Guid.CreateVersion7(), message.Clinic, message.Account, MessageChannels.Email, message.Template,
            Purpose: null, Booking: null, DedupKey: null, message.To, message.Subject, message.TextBody, clock.GetUtcNow()), cancellationToken);
}
