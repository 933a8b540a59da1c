using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Bookings;

/// <summary>The appointments' event streams. Saving also holds the slot, atomically with the events.</summary>
public interface IAppointments
{
    /// <summary>The appointment and its revision (-1 when there is none).</summary>
    Task<(Appointment State, long Revision)> LoadAsync(BookingId id, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the events and moves the appointment's hold on its resource in one transaction. Fails with
    /// <see cref="SlotTakenException"/> when a live appointment already holds any of that time, and with
    /// <see cref="WrongExpectedRevisionException"/> when the appointment changed since <paramref name="expectedRevision"/>.
    /// </summary>
    Task<long> SaveAsync(BookingId id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);
}

public sealed class SlotTakenException(ResourceId resource, TimeSlot slot)
    : Exception($"Resource {resource} is already booked for part of {slot} (or its buffer).")
{
    public ResourceId Resource { get; } = resource;
    public TimeSlot Slot { get; } = slot;
}

public interface IClinicRulesSource
{
    Task<ClinicRules?> FindAsync(ClinicId clinic, CancellationToken cancellationToken);
}

/// <summary>Owners' pets and which clinics they are clients of.</summary>
public interface IPetDirectory
{
    Task<PetFacts?> FindPetAsync(PetId pet, CancellationToken cancellationToken);

    Task<bool> IsClientAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken);
}

/// <summary>Time a resource is held by live appointments, buffer included.</summary>
public interface IBusyTimes
{
    Task<IReadOnlyList<BusyTime>> ForClinicAsync(ClinicId clinic, TimeSlot within, CancellationToken cancellationToken);
}

public sealed record AppointmentView(
    Guid Id, Guid ClinicId, string ClinicName, Guid OwnerId, Guid PetId, string PetName, string Species,
    Guid AppointmentTypeId, string AppointmentType, Guid ResourceId, string Resource,
    DateTimeOffset Start, DateTimeOffset End, string Status, long Revision, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>The appointments read model the projection keeps.</summary>
public interface IAppointmentReadModel
{
    Task<IReadOnlyList<AppointmentView>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken);

    Task<IReadOnlyList<AppointmentView>> ForClinicDayAsync(ClinicId clinic, TimeSlot day, CancellationToken cancellationToken);
}
