using System.Globalization;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>One change to an owner's records: when, who (role and id), what, and each field from and to.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string By, string ByRole, string Change, Guid? PetId, string? PetName, IReadOnlyList<FieldChange> Fields);

/// <summary>A field's value before and after; null where it was not recorded here before.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>Reads the changes off the owner's events, each against the record as it stood just before.</summary>
public static class OwnerHistory
{
    public static IReadOnlyList<HistoryEntry> Of(OwnerFile file)
    {
        var entries = new List<HistoryEntry>();
        var before = OwnerRecord.Empty(file.Owner);
        foreach (var e in file.Events)
        {
            var after = before.Apply(e);
            if (Describe(e, before, after, file.State) is { } entry)
                entries.Add(entry);
            before = after;
        }
        entries.Reverse();
        return entries;
    }

    private static HistoryEntry? Describe(IOwnerEvent e, OwnerRecord before, OwnerRecord after, OwnerRecord now) => e switch
    {
        ContactDetailsChanged c => Entry(c.By, c.At, "contact-details-changed", null, null,
            [.. Diff(before.Contact, after.Contact), .. c.Why is null ? [] : new[] { new FieldChange("reason", null, c.Why) }]),
        PetAdded p => PetEntry(p.By, p.At, "pet-added", p.PetId, before, after, now),
        PetDetailsChanged p => PetEntry(p.By, p.At, "pet-details-changed", p.PetId, before, after, now),
        PetArchived p => Entry(p.By, p.At, "pet-archived", p.PetId, NameOf(new PetId(p.PetId), after, now), [new FieldChange("reason", null, p.Reason)]),
        _ => null,
    };

    private static HistoryEntry PetEntry(string by, DateTimeOffset at, string change, Guid petId, OwnerRecord before, OwnerRecord after, OwnerRecord now)
    {
        var pet = new PetId(petId);
        return Entry(by, at, change, petId, NameOf(pet, after, now), Diff(before.FindPet(pet)?.Details, after.FindPet(pet)?.Details));
    }

    private static HistoryEntry Entry(string by, DateTimeOffset at, string change, Guid? pet, string? petName, IReadOnlyList<FieldChange> fields) =>
        new(at, by, by.Split(':')[0], change, pet, petName, fields);

    private static string? NameOf(PetId pet, OwnerRecord then, OwnerRecord now) =>
        then.FindPet(pet)?.Details.Name is { Length: > 0 } name ? name : now.FindPet(pet)?.Details.Name;

    private static List<FieldChange> Diff(ContactDetails? from, ContactDetails? to) => Changed(
    [
        ("name", from?.Name, to?.Name),
        ("phone", from?.Phone, to?.Phone),
        ("preferredChannel", from?.PreferredChannel, to?.PreferredChannel),
    ]);

    private static List<FieldChange> Diff(PetDetails? from, PetDetails? to) => Changed(
    [
        ("name", from?.Name, to?.Name),
        ("species", from?.Species, to?.Species),
        ("breed", from?.Breed, to?.Breed),
        ("birthDate", from?.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to?.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("sex", from?.Sex, to?.Sex),
        ("neutered", Text(from?.Neutered), Text(to?.Neutered)),
        ("weightKg", from?.WeightKg?.ToString(CultureInfo.InvariantCulture), to?.WeightKg?.ToString(CultureInfo.InvariantCulture)),
        ("notes", from?.Notes, to?.Notes),
    ]);

    private static string? Text(bool? value) => value switch { true => "true", false => "false", null => null };

    private static List<FieldChange> Changed(IEnumerable<(string Field, string? From, string? To)> fields) =>
        fields.Where(f => f.From != f.To && !(f.From is null && f.To == ""))
            .Select(f => new FieldChange(f.Field, f.From, f.To)).ToList();
}
