using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Bookings;
using VetOS.Application.EventStore;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>One appointment: when, with whom, its status and calendar file; cancel it, or go on to move it.</summary>
public sealed class AppointmentModel : AppointmentPage
{
    [BindProperty(SupportsGet = true)] public bool Booked { get; set; }
    [BindProperty(SupportsGet = true)] public bool Moved { get; set; }
    [BindProperty(SupportsGet = true)] public bool Cancelled { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, long revision)
    {
        if (!await LoadAsync(id))
            return NotFound();
        try
        {
            var (valid, result) = await TrySendAsync(new CancelAppointmentCommand(id, null, revision));
            if (valid && result?.Error is { } refused)
                ModelState.AddModelError("", Explain(refused));
            else if (valid)
                return LocalRedirect($"/me/appointments/{id}?cancelled=true");
        }
        catch (WrongExpectedRevisionException)
        {
            ModelState.AddModelError("", Booking.BookingRefusals.ChangedMeanwhile);
        }
        await LoadAsync(id);
        return Page();
    }
}
