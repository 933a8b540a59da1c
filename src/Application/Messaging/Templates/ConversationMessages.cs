namespace VetOS.Application.Messaging.Templates;

/// <summary>
/// Announcements of a new message in a conversation. They carry no word of it, only where to read it: what people
/// write to each other stays inside VetOS.
/// </summary>
public static class ConversationMessages
{
    public const string ToOwnerTemplate = "conversation-answer";
    public const string ToClinicTemplate = "conversation-waiting";

    public static (string Subject, string Body) OwnerEmail(ClinicCard clinic, Uri page) => (
        $"{clinic.Name} has written to you",
        $"{clinic.Name} has written to you on its portal. Read it and answer here:\n{page}\n\n{clinic.Footer}");

    public static string OwnerText(ClinicCard clinic, Uri page) => $"{clinic.Name} has written to you. Read it on the portal: {page}";

    public static (string Subject, string Body) ClinicEmail(ClinicCard clinic, Uri inbox) => (
        $"A client is waiting for an answer from {clinic.Name}",
        $"A client has written to {clinic.Name} and is waiting for an answer. The conversations waiting for the clinic:\n{inbox}");
}
