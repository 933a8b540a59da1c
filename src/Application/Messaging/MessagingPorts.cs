using VetOS.Domain;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain.Messaging;

namespace VetOS.Application.Messaging;

/// <summary>What a message says about an appointment: the pet's name and the type of appointment, nothing about the owner.</summary>
/// <summary>An appointment as its messages tell it; <see cref="Page"/> is where the owner sees it in the portal.</summary>
public sealed record AppointmentFacts(Guid Booking, long Revision, Guid Clinic, Guid Owner, string Pet, string Type, DateTimeOffset Start, DateTimeOffset End, Uri? Page = null);

/// <summary>Where an owner can be reached and how they prefer to be; null addresses are unknown (or erased).</summary>
public sealed record OwnerContact(Guid Owner, string? Email, string? Phone, string PreferredChannel)
{
    /// <summary>The channel and address a service message goes to: the preferred one where it can, else email, else SMS (null: unreachable).</summary>
    public (string Channel, string? To) Reach()
    {
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (PreferredChannel is MessageChannels.Sms or MessageChannels.WhatsApp && hasPhone)
            return (PreferredChannel, Phone);
        if (!string.IsNullOrWhiteSpace(Email))
            return (MessageChannels.Email, Email);
        return hasPhone ? (MessageChannels.Sms, Phone) : (MessageChannels.Email, null);
    }
}

/// <summary>A clinic as its messages need it: its card, its reminder policy and the channels it sends reminders on.</summary>
public sealed record ClinicMessaging(Guid Clinic, ClinicCard Card, ReminderPolicy Reminders, IReadOnlyList<string> ReminderChannels);

/// <summary>Read-side facts the booking messages are written from.</summary>
public interface IMessageFacts
{
    Task<ClinicMessaging?> ClinicAsync(Guid clinic, CancellationToken cancellationToken);

    Task<OwnerContact?> OwnerAsync(Guid owner, CancellationToken cancellationToken);

    /// <summary>The pet's name and the appointment type's name ("" when unknown).</summary>
    Task<(string Pet, string Type)> NamesAsync(Guid pet, Guid appointmentType, CancellationToken cancellationToken);
}

/// <summary>Clinic admins' reminder settings.</summary>
public interface IReminderPolicies
{
    Task<ReminderPolicy?> FindAsync(Guid clinic, CancellationToken cancellationToken);

    /// <summary>False when there is no such clinic.</summary>
    Task<bool> SetAsync(Guid clinic, ReminderPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The appointment start a queued message was written for (null when it names none).</summary>
public interface IPlannedMessages
{
    Task<DateTimeOffset?> AppointmentStartAsync(Guid message, CancellationToken cancellationToken);
}

/// <summary>Whether the owner wrote to us on WhatsApp within the last 24 hours, so free text may go instead of an approved template.</summary>
public interface IWhatsAppWindow
{
    Task<bool> IsOpenAsync(Guid owner, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Statically known settings for message content.</summary>
public sealed record MessageContentSettings(string? WhatsAppReminderTemplateSid);
