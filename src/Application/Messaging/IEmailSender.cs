namespace VetOS.Application.Messaging;

/// <summary>
/// An email as VetOS sends it: plain text, naming the clinic, carrying no more personal data than it needs. The clinic
/// and the account it is for, when known, go to the delivery log.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Template, Guid? Clinic = null, Guid? Account = null);

/// <summary>The email port: queues the email; the dispatcher sends it and logs each attempt.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
