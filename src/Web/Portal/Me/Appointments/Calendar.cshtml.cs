using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>The appointment's calendar file, the same one its confirmation email carries.</summary>
public sealed class CalendarModel : AppointmentPage
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var a = Appointment;
        var d = Clinic.Details;
        var file = AppointmentCalendar.For(
            new AppointmentFacts(a.Id, a.Revision, a.ClinicId, a.OwnerId, PetName, TypeName, a.Start, a.End),
            new ClinicCard(d.Name, d.Address, d.ContactEmail, d.ContactPhone, Clinic.TimeZone), Now);
        return File(file.Content, AppointmentCalendar.ContentType, AppointmentCalendar.FileName);
    }
}
