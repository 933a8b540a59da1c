namespace VetOS.Application.Messaging;

/// <summary>An email as VetOS sends it: plain text, naming the clinic, carrying no more personal data than it needs.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Template);

/// <summary>The email port. In development and the demo an outbox keeps messages locally; Postmark sends them elsewhere.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
