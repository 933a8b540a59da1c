using VetOS.Domain.Events;

namespace VetOS.Infrastructure.Tests;

[EventType("test.v1.owner-registered")]
public sealed record OwnerRegistered([property: DataSubject] string OwnerId, [property: PersonalData] string Name, [property: PersonalData] string Email, string ClinicId);

[EventType("test.v1.clinic-note-added")]
public sealed record ClinicNoteAdded([property: DataSubject] string OwnerId, [property: DataController] string ClinicId, [property: PersonalData] string Note);

[EventType("test.v1.pet-added")]
public sealed record PetAdded(string OwnerId, string PetName, string Species);
