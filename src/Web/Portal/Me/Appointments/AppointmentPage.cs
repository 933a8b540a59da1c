using VetOS.Application.Bookings;
using VetOS.Application.Clinics;
using VetOS.Application.Owners;
using VetOS.Domain.Bookings;
using VetOS.Web.Portal.Booking;

namespace VetOS.Web.Portal.Me.Appointments;

/// <summary>A page about one of the owner's appointments, read from its stream (never behind); anyone else's is not found.</summary>
public abstract class AppointmentPage : PortalPage
{
    public AppointmentState Appointment { get; private set; } = null!;
    public BookingOptions Clinic { get; private set; } = null!;
    public string PetName { get; private set; } = "";

    public string TypeName => Clinic.FindType(Appointment.AppointmentTypeId)?.Name ?? "Appointment";
    public string ResourceName => Clinic.Resources.GetValueOrDefault(Appointment.ResourceId, "");
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Clinic.TimeZone).DateTime;
    public DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
    public bool IsOpen => Appointment.Status is AppointmentStatus.Requested or AppointmentStatus.Confirmed && Appointment.End > Now;

    protected async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await Mediator.Send(new GetAppointmentQuery(id), ct) is not { } appointment
            || await Mediator.Send(new GetClinicDetailsQuery(appointment.ClinicId), ct) is not { } details
            || await Mediator.Send(new GetBookingOptionsQuery(details.Slug), ct) is not { } clinic)
            return false;
        Appointment = appointment;
        Clinic = clinic;
        PetName = (await Mediator.Send(new ListMyPetsQuery(), ct)).FirstOrDefault(p => p.Id == appointment.PetId)?.Name ?? "your pet";
        return true;
    }

    protected string Explain(BookingError error) => BookingRefusals.Explain(error, Clinic);
}
