using VetOS.Domain.Owners;

namespace VetOS.Domain.Tests.Owners;

/// <summary>Alice, a client of Riverside, her pets, the clinic's staff, and people who have no say over her records.</summary>
internal static class People
{
    public static readonly ClinicId Riverside = new(Guid.Parse("c1111111-0000-0000-0000-000000000001"));
    public static readonly ClinicId Hillside = new(Guid.Parse("c2222222-0000-0000-0000-000000000002"));
    public static readonly IReadOnlyCollection<ClinicId> AliceIsClientOf = [Riverside];

    public static readonly OwnerId Alice = new(Guid.Parse("0a111111-0000-0000-0000-0000000000c1"));
    public static readonly Actor AliceActing = Actor.Owner(Alice);
    public static readonly Actor Bob = Actor.Owner(new OwnerId(Guid.Parse("0b222222-0000-0000-0000-0000000000c2")));

    public static readonly Actor Receptionist = new(Guid.Parse("5a111111-0000-0000-0000-0000000000d1"), ActorRole.Receptionist, Riverside);
    public static readonly Actor Vet = new(Guid.Parse("5a222222-0000-0000-0000-0000000000d2"), ActorRole.Vet, Riverside);
    public static readonly Actor Admin = new(Guid.Parse("5a333333-0000-0000-0000-0000000000d3"), ActorRole.ClinicAdmin, Riverside);
    public static readonly Actor Auditor = new(Guid.Parse("5a444444-0000-0000-0000-0000000000d4"), ActorRole.Auditor, Riverside);
    public static readonly Actor ReceptionistAtHillside = new(Guid.Parse("5a555555-0000-0000-0000-0000000000d5"), ActorRole.Receptionist, Hillside);
    public static readonly Actor Operator = new(Guid.Parse("5a666666-0000-0000-0000-0000000000d6"), ActorRole.Operator);

    public static readonly DateTimeOffset Earlier = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly ContactDetails AlicesContact = new("Alice Smith", "+447700900123", "email");

    public static readonly PetId Rex = new(Guid.Parse("9e111111-0000-0000-0000-0000000000f1"));
    public static readonly PetDetails RexDetails = new("Rex", "dog", "Border collie", new DateOnly(2019, 4, 2), "male", true, 18.5m, "Nervous at the vet's");

    public static ContactDetailsChanged ContactChanged(ContactDetails? details = null, Actor? by = null, DateTimeOffset? at = null)
    {
        var d = details ?? AlicesContact;
        return new(Alice.Value, d.Name, d.Phone, d.PreferredChannel, (by ?? AliceActing).Tag, at ?? Earlier);
    }

    public static PetAdded RexAdded(PetDetails? details = null, DateTimeOffset? at = null)
    {
        var d = details ?? RexDetails;
        return new(Alice.Value, Rex.Value, d.Name, d.Species, d.Breed, d.BirthDate, d.Sex, d.Neutered, d.WeightKg, d.Notes, AliceActing.Tag, at ?? Earlier);
    }

    public static PetDetailsChanged RexChanged(PetDetails details, Actor? by = null, DateTimeOffset? at = null) =>
        new(Alice.Value, Rex.Value, details.Name, details.Species, details.Breed, details.BirthDate, details.Sex, details.Neutered,
            details.WeightKg, details.Notes, (by ?? AliceActing).Tag, at ?? Now);

    public static PetArchived RexArchived(string reason = "deceased", Actor? by = null, DateTimeOffset? at = null) =>
        new(Alice.Value, Rex.Value, reason, (by ?? AliceActing).Tag, at ?? Earlier);

    public static ChangeContactDetails ChangeContact(ContactDetails details, Actor? by = null) => new(by ?? AliceActing, Now, AliceIsClientOf, details);

    public static AddPet AddRex(Actor? by = null, PetDetails? details = null) => new(by ?? AliceActing, Now, AliceIsClientOf, Rex, details ?? RexDetails);

    public static ChangePetDetails ChangeRex(PetDetails details, Actor? by = null, PetId? pet = null) =>
        new(by ?? AliceActing, Now, AliceIsClientOf, pet ?? Rex, details);

    public static ArchivePet ArchiveRex(Actor? by = null, string reason = "deceased") => new(by ?? AliceActing, Now, AliceIsClientOf, Rex, reason);
}
