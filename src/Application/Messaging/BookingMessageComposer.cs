using VetOS.Application.Accounts;
using VetOS.Application.Commands;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Messaging;

/// <summary>Gathers what a booking event's messages are written from (the appointment as of that event, the clinic, the owner) and plans them.</summary>
public sealed class BookingMessageComposer(IEventStreams streams, IMessageFacts facts, IPortalLinks links, MessageContentSettings settings, TimeProvider clock)
{
    public async Task<MessagePlan> ComposeAsync(Guid booking, object @event, long revision, CancellationToken cancellationToken)
    {
        var loaded = await streams.LoadAsync(Streams.Booking(new BookingId(booking)), cancellationToken);
        var stream = loaded.Events.Select(e => e.Event).ToList();
        var state = Appointment.From(stream.Take((int)revision + 1).Cast<IBookingEvent>());
        if (!state.Exists)
            return MessagePlan.Nothing;
        var clinic = await facts.ClinicAsync(state.Clinic.Value, cancellationToken);
        var owner = await facts.OwnerAsync(state.Owner.Value, cancellationToken);
        if (clinic is null || owner is null)
            return new(BookingMessagePlanner.DropRemindersBecause(@event), []);
        var (pet, type) = await facts.NamesAsync(state.Pet.Value, state.Type.Value, cancellationToken);
        var appointment = new AppointmentFacts(
            booking, revision, state.Clinic.Value, state.Owner.Value, pet, type, state.Slot.Start, state.Slot.End, links.Appointment(booking));
        return BookingMessagePlanner.Plan(@event, stream, revision, appointment, clinic, owner, clock.GetUtcNow(), settings);
    }
}
