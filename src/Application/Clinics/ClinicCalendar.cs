namespace VetOS.Application.Clinics;

public static class ClinicCalendar
{
    /// <summary>The clinic's time zone, on whose calendar its days and months are counted; null when there is no such clinic.</summary>
    public static async Task<TimeZoneInfo?> CalendarOfAsync(this IClinicRegistry clinics, Guid clinic, CancellationToken cancellationToken) =>
        await clinics.FindAsync(clinic, cancellationToken) is { } details ? TimeZoneInfo.FindSystemTimeZoneById(details.TimeZone) : null;
}
