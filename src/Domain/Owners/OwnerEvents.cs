using VetOS.Domain.Events;

namespace VetOS.Domain.Owners;

/// <summary>An event in an owner's stream; <see cref="OwnerRecord.Apply"/> has a case for each.</summary>
public interface IOwnerEvent;

/// <summary><see cref="Why"/>: the reason given for a correction (none in events written before reasons were recorded).</summary>
[EventType("owner.v1.contact-details-changed")]
public sealed record ContactDetailsChanged(
    [property: DataSubject] Guid OwnerId, [property: PersonalData] string Name, [property: PersonalData] string Phone,
    string PreferredChannel, string By, DateTimeOffset At, [property: PersonalData] string? Why = null) : IOwnerEvent;

[EventType("owner.v1.pet-added")]
public sealed record PetAdded(
    [property: DataSubject] Guid OwnerId, Guid PetId, [property: PersonalData] string Name, string Species,
    [property: PersonalData] string Breed, DateOnly? BirthDate, string Sex, bool Neutered, decimal? WeightKg,
    [property: PersonalData] string Notes, string By, DateTimeOffset At) : IOwnerEvent;

/// <summary>The pet's details as they are now, every field, so that each event reads on its own.</summary>
[EventType("owner.v1.pet-details-changed")]
public sealed record PetDetailsChanged(
    [property: DataSubject] Guid OwnerId, Guid PetId, [property: PersonalData] string Name, string Species,
    [property: PersonalData] string Breed, DateOnly? BirthDate, string Sex, bool Neutered, decimal? WeightKg,
    [property: PersonalData] string Notes, string By, DateTimeOffset At) : IOwnerEvent;

/// <summary>The pet stays on record (its history and past appointments) but is no longer edited or booked.</summary>
[EventType("owner.v1.pet-archived")]
public sealed record PetArchived([property: DataSubject] Guid OwnerId, Guid PetId, string Reason, string By, DateTimeOffset At) : IOwnerEvent;
