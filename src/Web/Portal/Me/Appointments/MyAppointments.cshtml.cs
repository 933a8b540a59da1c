using VetOS.Application.Bookings;
using VetOS.Application.Clinics;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>The owner's appointments, upcoming and past, each on its clinic's wall clock.</summary>
public sealed class MyAppointmentsModel : PortalPage
{
    public MyAppointments Appointments { get; private set; } = new([], []);
    private readonly Dictionary<Guid, TimeZoneInfo> zones = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Appointments = await Mediator.Send(new ListMyAppointmentsQuery(), ct);
        foreach (var clinic in Appointments.Upcoming.Concat(Appointments.Past).Select(a => a.ClinicId).Distinct())
            if (await Mediator.Send(new GetClinicDetailsQuery(clinic), ct) is { } details)
                zones[clinic] = TimeZoneInfo.FindSystemTimeZoneById(details.TimeZone);
    }

    public string When(AppointmentView a) =>
        TimeZoneInfo.ConvertTime(a.Start, zones.GetValueOrDefault(a.ClinicId, TimeZoneInfo.Utc)).ToString("dddd d MMMM yyyy, HH:mm");

    public static bool MayChange(AppointmentView a) => a.Status is "requested" or "confirmed";
}
