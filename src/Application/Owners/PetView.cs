using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>A pet as its owner sees it, with the revision that last changed it (its ETag).</summary>
public sealed record PetView(
    Guid Id, string Name, string Species, string Breed, DateOnly? BirthDate, string Sex, bool Neutered, decimal? WeightKg, string Notes,
    bool Archived, DateTimeOffset? ArchivedAt, string? ArchiveReason, long Revision)
{
    public static PetView Of(Pet pet)
    {
        var d = pet.Details;
        return new PetView(pet.Id.Value, d.Name, d.Species, d.Breed, d.BirthDate, d.Sex, d.Neutered, d.WeightKg, d.Notes,
            pet.IsArchived, pet.ArchivedAt, pet.ArchiveReason, pet.Revision);
    }
}
