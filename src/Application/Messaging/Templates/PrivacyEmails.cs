using System.Globalization;
using VetOS.Application.Clinics;
using VetOS.Application.PrivacyRequests;

namespace VetOS.Application.Messaging.Templates;

/// <summary>Emails about privacy requests: the owner told of an extension and why; clinic admins told of requests falling due.</summary>
public static class PrivacyEmails
{
    public static EmailMessage RequestExtended(string to, ClinicDetails clinic, PrivacyRequestView request) => new(to,
        $"{clinic.Name} needs more time for your {Kind(request)} request",
        $"{clinic.Name} received your {Kind(request)} request on {Day(request.ReceivedAt)}. It needs more time to answer it, "
        + $"and will do so by {Day(request.DueAt)}.\n\nThe reason: {request.ExtensionReason}\n\n"
        + $"You can follow the request on the portal, or ask {clinic.Name} about it: {clinic.ContactEmail}.",
        "privacy-request-extended");

    public static EmailMessage RequestsDue(string to, ClinicDetails clinic, IReadOnlyList<PrivacyRequestView> due, Uri queue) => new(to,
        $"{due.Count} privacy request{(due.Count == 1 ? "" : "s")} at {clinic.Name} due within 7 days",
        "These requests from clients must be answered soon:\n\n"
        + string.Join("\n", due.Select(r => $"- {Kind(r)} request {r.Id}, received {Day(r.ReceivedAt)}, due {Day(r.DueAt)}{(r.Deadline == Domain.PrivacyRequests.DeadlineFlag.Overdue ? " (overdue)" : "")}"))
        + $"\n\nThe queue: {queue}",
        "privacy-requests-due");

    private static string Kind(PrivacyRequestView request) => request.Kind.ToString().ToLowerInvariant();

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
