namespace VetOS.Domain.Owners;

/// <summary>A rule about an owner's records that was broken: a stable code the API names, and a sentence for people.</summary>
public sealed record OwnerError(string Code, string Message);

public static class OwnerErrors
{
    public static readonly OwnerError NotYours = new("not-yours", "There is no such client.");
    public static readonly OwnerError PetNotFound = new("pet-not-found", "There is no such pet.");
    public static readonly OwnerError PetArchived = new("pet-archived", "That pet is archived and no longer changes.");
    public static readonly OwnerError PetAlreadyExists = new("pet-already-exists", "A pet with that id exists already.");
}
