namespace VetOS.Domain.Owners;

/// <summary>The rules for an owner's contact details and pets, as pure decisions.</summary>
public static class Owner
{
    public static OwnerDecision Decide(OwnerRecord state, OwnerCommand command) => command switch
    {
        _ when !MayChange(state, command) => OwnerErrors.NotYours,
        ChangeContactDetails c => ChangeContact(state, c),
        AddPet c => Add(state, c),
        ChangePetDetails c => ChangePet(state, c),
        ArchivePet c => Archive(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not an owner command."),
    };

    /// <summary>The owner, or staff of a clinic the owner is a client of.</summary>
    private static bool MayChange(OwnerRecord state, OwnerCommand c) =>
        (c.By.Role == ActorRole.Owner && c.By.Id == state.Id.Value) || c.ClientOf.Any(c.By.IsStaffOf);

    private static OwnerDecision ChangeContact(OwnerRecord state, ChangeContactDetails c)
    {
        if (state.Contact == c.Details)
            return OwnerDecision.Accept();
        var d = c.Details;
        return OwnerDecision.Accept(new ContactDetailsChanged(state.Id.Value, d.Name, d.Phone, d.PreferredChannel, c.By.Tag, c.Now,
            string.IsNullOrWhiteSpace(c.Why) ? null : c.Why.Trim()));
    }

    private static OwnerDecision Add(OwnerRecord state, AddPet c)
    {
        if (state.FindPet(c.Pet) is not null)
            return OwnerErrors.PetAlreadyExists;
        var d = c.Details;
        return OwnerDecision.Accept(new PetAdded(
            state.Id.Value, c.Pet.Value, d.Name, d.Species, d.Breed, d.BirthDate, d.Sex, d.Neutered, d.WeightKg, d.Notes, c.By.Tag, c.Now));
    }

    private static OwnerDecision ChangePet(OwnerRecord state, ChangePetDetails c)
    {
        if (state.FindPet(c.Pet) is not { } pet)
            return OwnerErrors.PetNotFound;
        if (pet.IsArchived)
            return OwnerErrors.PetArchived;
        if (pet.Details == c.Details)
            return OwnerDecision.Accept();
        var d = c.Details;
        return OwnerDecision.Accept(new PetDetailsChanged(
            state.Id.Value, c.Pet.Value, d.Name, d.Species, d.Breed, d.BirthDate, d.Sex, d.Neutered, d.WeightKg, d.Notes, c.By.Tag, c.Now));
    }

    private static OwnerDecision Archive(OwnerRecord state, ArchivePet c)
    {
        if (state.FindPet(c.Pet) is not { } pet)
            return OwnerErrors.PetNotFound;
        if (pet.IsArchived)
            return OwnerErrors.PetArchived;
        return OwnerDecision.Accept(new PetArchived(state.Id.Value, c.Pet.Value, c.Reason, c.By.Tag, c.Now));
    }
}
