using VetOS.Domain.Clinics;

namespace VetOS.Domain.Bookings;

/// <summary>The clinic's rules for appointments, as pure decisions: state and command in, events or a broken rule out.</summary>
public static class Booking
{
    public static Decision Decide(Appointment state, BookingCommand command, ClinicRules clinic) => command switch
    {
        RequestAppointment c => Request(state, c, clinic),
        _ when !state.Exists => BookingErrors.NotFound,
        _ when !MayAct(state, command.By) => BookingErrors.NotYours,
        _ when state.IsFinished => BookingErrors.Finished,
        ConfirmAppointment c => Confirm(state, c),
        DeclineAppointment c => Decline(state, c),
        RescheduleAppointment c => Reschedule(state, c, clinic),
        CancelAppointment c => Cancel(state, c, clinic),
        MarkAttended c => Finish(state, c, new AppointmentAttended(state.Id.Value, c.By.Tag, c.Now)),
        MarkNoShow c => Finish(state, c, new AppointmentMissed(state.Id.Value, c.By.Tag, c.Now)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a booking command."),
    };

    private static bool MayAct(Appointment state, Actor by) =>
        by.IsStaffOf(state.Clinic) || (by.Role == ActorRole.Owner && by.Id == state.Owner.Value);

    private static Decision Request(Appointment state, RequestAppointment c, ClinicRules clinic)
    {
        if (state.Exists)
            return BookingErrors.AlreadyExists;
        if (c.By.Role == ActorRole.Owner && c.By.Id != c.Owner.Value)
            return BookingErrors.NotYours;
        if (c.By.Role != ActorRole.Owner && !c.By.IsStaffOf(clinic.Clinic))
            return BookingErrors.StaffOnly;
        if (!c.OwnerIsClient)
            return BookingErrors.NotAClient;
        if (c.Pet.Owner != c.Owner)
            return BookingErrors.NotOwnersPet;
        if (c.Pet.Archived)
            return BookingErrors.PetArchived;
        if (clinic.FindType(c.Type) is not { } type)
            return BookingErrors.UnknownAppointmentType;
        if (!type.Species.Contains(c.Pet.Species))
            return BookingErrors.SpeciesNotAccepted;
        var slot = TimeSlot.Of(c.Start, type.Duration);
        if (clinic.CheckSlot(type, c.Resource, slot, c.Now) is { } broken)
            return broken;

        var requested = new AppointmentRequested(
            c.Booking.Value, clinic.Clinic.Value, c.Owner.Value, c.Pet.Pet.Value, type.Id.Value, c.Resource.Value,
            slot.Start, slot.End, c.By.Tag, c.Now);
        // Staff book straight into the diary; owners do too where the clinic lets them book this type directly.
        return c.By.IsStaff || type.OwnersMayBookDirectly
            ? Decision.Accept(requested, new AppointmentConfirmed(c.Booking.Value, c.By.Tag, c.Now))
            : Decision.Accept(requested);
    }

    private static Decision Confirm(Appointment state, ConfirmAppointment c)
    {
        if (!c.By.IsStaff)
            return BookingErrors.StaffOnly;
        if (state.Status != AppointmentStatus.Requested)
            return BookingErrors.NotRequested;
        if (c.Now >= state.Slot.Start)
            return BookingErrors.StartPassed;
        return Decision.Accept(new AppointmentConfirmed(state.Id.Value, c.By.Tag, c.Now));
    }

    private static Decision Decline(Appointment state, DeclineAppointment c)
    {
        if (!c.By.IsStaff)
            return BookingErrors.StaffOnly;
        if (state.Status != AppointmentStatus.Requested)
            return BookingErrors.NotRequested;
        return Decision.Accept(new AppointmentDeclined(state.Id.Value, state.Owner.Value, c.Reason, c.By.Tag, c.Now, state.Clinic.Value));
    }

    private static Decision Reschedule(Appointment state, RescheduleAppointment c, ClinicRules clinic)
    {
        if (!c.By.IsStaff && !clinic.OutsideCancellationWindow(state.Slot.Start, c.Now))
            return BookingErrors.InsideCancellationWindow;
        if (clinic.FindType(state.Type) is not { } type)
            return BookingErrors.UnknownAppointmentType;
        var slot = TimeSlot.Of(c.Start, type.Duration);
        if (slot == state.Slot && c.Resource == state.Resource)
            return BookingErrors.SameSlot;
        if (clinic.CheckSlot(type, c.Resource, slot, c.Now) is { } broken)
            return broken;
        // A time the clinic confirms itself goes back to the clinic when an owner picks a new one.
        var awaitsConfirmation = !c.By.IsStaff && !type.OwnersMayBookDirectly && state.Status == AppointmentStatus.Confirmed;
        return Decision.Accept(new AppointmentRescheduled(
            state.Id.Value, c.Resource.Value, slot.Start, slot.End,
            state.Resource.Value, state.Slot.Start, state.Slot.End, c.By.Tag, c.Now, awaitsConfirmation));
    }

    private static Decision Cancel(Appointment state, CancelAppointment c, ClinicRules clinic)
    {
        // A request the clinic has not confirmed yet holds nobody's time: its owner may withdraw it whenever.
        if (!c.By.IsStaff && state.Status == AppointmentStatus.Confirmed && !clinic.OutsideCancellationWindow(state.Slot.Start, c.Now))
            return BookingErrors.InsideCancellationWindow;
        return Decision.Accept(new AppointmentCancelled(state.Id.Value, state.Owner.Value, c.Reason, c.By.Tag, c.Now, state.Clinic.Value));
    }

    private static Decision Finish(Appointment state, BookingCommand c, IBookingEvent finished)
    {
        if (!c.By.IsStaff)
            return BookingErrors.StaffOnly;
        if (state.Status != AppointmentStatus.Confirmed)
            return BookingErrors.NotConfirmed;
        if (c.Now < state.Slot.Start)
            return BookingErrors.NotStarted;
        return Decision.Accept(finished);
    }
}
