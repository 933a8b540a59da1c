using VetOS.Domain.Bookings;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>An appointment's status as the owner reads it.</summary>
public static class AppointmentStatusWords
{
    public static string Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => "Requested: waiting for the clinic to confirm",
        AppointmentStatus.Confirmed => "Confirmed",
        AppointmentStatus.Declined => "Declined by the clinic",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.Attended => "Attended",
        AppointmentStatus.NoShow => "Missed",
        _ => status.ToString(),
    };

    /// <summary>The read model's status name (as the API writes it), in words.</summary>
    public static string Of(string status) =>
        Enum.TryParse<AppointmentStatus>(status.Replace("-", ""), ignoreCase: true, out var parsed) ? Of(parsed) : status;
}
