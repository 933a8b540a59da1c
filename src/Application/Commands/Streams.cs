using VetOS.Application.EventStore;
using VetOS.Domain;

namespace VetOS.Application.Commands;

/// <summary>Each aggregate's stream name, defined once.</summary>
public static class Streams
{
    public static StreamName Booking(BookingId id) => StreamName.For("booking", id.Value.ToString("N"));

    public static StreamName Owner(OwnerId id) => StreamName.For("owner", id.Value.ToString("N"));

    public static StreamName Consent(OwnerId owner, ClinicId clinic) => StreamName.For("consent", $"{clinic.Value:N}.{owner.Value:N}");

    public static StreamName Conversation(OwnerId owner, ClinicId clinic) => StreamName.For("conversation", $"{clinic.Value:N}.{owner.Value:N}");

    public static StreamName PrivacyRequest(Guid id) => StreamName.For("privacy-request", id.ToString("N"));
}
