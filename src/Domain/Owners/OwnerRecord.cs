namespace VetOS.Domain.Owners;

public sealed record ContactDetails(string Name, string Phone, string PreferredChannel)
{
    public static readonly IReadOnlyList<string> Channels = MessageChannels.All;
}

public sealed record PetDetails(
    string Name, string Species, string Breed, DateOnly? BirthDate, string Sex, bool Neutered, decimal? WeightKg, string Notes)
{
    /// <summary>Lowercase, as clinics name them in the species their appointment types take.</summary>
    public static readonly IReadOnlyList<string> KnownSpecies = ["dog", "cat", "rabbit", "guinea pig", "ferret", "bird", "reptile", "other"];

    public static readonly IReadOnlyList<string> Sexes = ["female", "male", "unknown"];

    public static readonly IReadOnlyList<string> ArchiveReasons = ["deceased", "rehomed", "other"];

    /// <summary>A pet booking knew before its owner kept details: only its name and species.</summary>
    public static PetDetails OnFile(string name, string species) => new(name, species, "", null, "unknown", false, null, "");
}

/// <summary>One pet; <see cref="Revision"/> is the owner stream's revision that last changed it (-1: never changed here).</summary>
public sealed record Pet(PetId Id, PetDetails Details, DateTimeOffset? ArchivedAt, string? ArchiveReason, long Revision)
{
    public bool IsArchived => ArchivedAt is not null;
}

/// <summary>
/// An owner's contact details and pets as their events left them. <see cref="Revision"/> is the stream's;
/// <see cref="ContactRevision"/> the revision that last changed the contact details (-1: never changed here).
/// </summary>
public sealed record OwnerRecord(OwnerId Id, ContactDetails? Contact, long ContactRevision, IReadOnlyList<Pet> Pets, long Revision)
{
    public static OwnerRecord Empty(OwnerId id) => new(id, null, -1, [], -1);

    public Pet? FindPet(PetId pet) => Pets.FirstOrDefault(p => p.Id == pet);

    public OwnerRecord Apply(IOwnerEvent @event)
    {
        var revision = Revision + 1;
        return @event switch
        {
            ContactDetailsChanged e => this with { Contact = new ContactDetails(e.Name, e.Phone, e.PreferredChannel), ContactRevision = revision, Revision = revision },
            PetAdded e => WithPet(new Pet(new PetId(e.PetId), DetailsOf(e), null, null, revision), revision),
            PetDetailsChanged e => WithPet((FindPet(new PetId(e.PetId)) ?? NewPet(e.PetId)) with { Details = DetailsOf(e), Revision = revision }, revision),
            PetArchived e when FindPet(new PetId(e.PetId)) is { } pet => WithPet(pet with { ArchivedAt = e.At, ArchiveReason = e.Reason, Revision = revision }, revision),
            PetArchived => this with { Revision = revision }, // a pet only on file, when the events are replayed alone
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not applied to an owner's record."),
        };
    }

    public static OwnerRecord From(OwnerId id, IEnumerable<IOwnerEvent> events) => events.Aggregate(Empty(id), (state, e) => state.Apply(e));

    /// <summary>
    /// The record to decide on: the events over what was on file before any was written, i.e. the contact details
    /// the owner signed up with and pets booking knew by name and species only.
    /// </summary>
    public static OwnerRecord From(OwnerId id, IReadOnlyList<IOwnerEvent> events, ContactDetails? contactOnFile, IEnumerable<(PetId Id, string Name, string Species)> petsOnFile)
    {
        var added = events.OfType<PetAdded>().Select(e => new PetId(e.PetId)).ToHashSet();
        var start = Empty(id) with
        {
            Contact = contactOnFile,
            Pets = petsOnFile.Where(p => !added.Contains(p.Id)).Select(p => new Pet(p.Id, PetDetails.OnFile(p.Name, p.Species), null, null, -1)).ToList(),
        };
        return events.Aggregate(start, (state, e) => state.Apply(e));
    }

    private OwnerRecord WithPet(Pet pet, long revision) => this with
    {
        Pets = FindPet(pet.Id) is null ? [.. Pets, pet] : Pets.Select(p => p.Id == pet.Id ? pet : p).ToList(),
        Revision = revision,
    };

    private static Pet NewPet(Guid id) => new(new PetId(id), PetDetails.OnFile("", ""), null, null, -1);

    private static PetDetails DetailsOf(PetAdded e) => new(e.Name, e.Species, e.Breed, e.BirthDate, e.Sex, e.Neutered, e.WeightKg, e.Notes);

    private static PetDetails DetailsOf(PetDetailsChanged e) => new(e.Name, e.Species, e.Breed, e.BirthDate, e.Sex, e.Neutered, e.WeightKg, e.Notes);
}
