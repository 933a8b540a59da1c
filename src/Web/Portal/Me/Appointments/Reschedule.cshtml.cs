using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Web.Portal.Booking;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>Move an appointment: the same week of free times as booking, then the new time to confirm.</summary>
public sealed class RescheduleModel : AppointmentPage
{
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty(SupportsGet = true)] public DateTimeOffset? Start { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Resource { get; set; }

    public WeekOfFreeTimes? FreeTimes { get; private set; }
    public bool Confirming => Start is not null && Resource is not null;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? await ShowAsync() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long revision)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!Confirming)
            return await ShowAsync();
        try
        {
            var (valid, result) = await TrySendAsync(new RescheduleAppointmentCommand(id, Resource!.Value, Start!.Value, revision));
            if (valid && result?.Error is { } refused)
                ModelState.AddModelError("", Explain(refused));
            else if (valid)
                return LocalRedirect($"/me/appointments/{id}?moved=true");
        }
        catch (WrongExpectedRevisionException)
        {
            ModelState.AddModelError("", BookingRefusals.ChangedMeanwhile);
            await LoadAsync(id);
        }
        Start = null;
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (IsOpen && !Confirming)
        {
            var today = DateOnly.FromDateTime(Local(Now));
            var monday = WeekOfFreeTimes.MondayOf(Week ?? DateOnly.FromDateTime(Local(Appointment.Start)), today);
            var slots = await Mediator.Send(new FindFreeSlotsQuery(Clinic.Clinic, Appointment.AppointmentTypeId, monday, WeekOfFreeTimes.Length),
                HttpContext.RequestAborted) ?? [];
            FreeTimes = WeekOfFreeTimes.Of(slots, Clinic.TimeZone, monday, today,
                week => Link(week),
                time => $"{Link(monday)}&start={Uri.EscapeDataString(WeekOfFreeTimes.Instant(time.Start))}&resource={time.Resource}");
        }
        return Page();
    }

    public string Link(DateOnly week) => $"/me/appointments/{Appointment.Id}/reschedule?week={week:yyyy-MM-dd}";
}
