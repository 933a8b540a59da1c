using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Owners;

namespace VetOS.Web.Portal.Me;

/// <summary>One of the owner's pets: its details to edit, and archiving (when it died or moved away).</summary>
public sealed class PetModel : PortalPage
{
    public PetView Current { get; private set; } = null!;

    public bool Saved { get; private set; }

    [BindProperty]
    public PetForm Pet { get; set; } = new();

    [BindProperty]
    public long Revision { get; set; }

    [BindProperty]
    public string? ArchiveReason { get; set; }

    public static readonly IReadOnlyDictionary<string, string> ArchiveReasons = new Dictionary<string, string>
    {
        ["deceased"] = "Died",
        ["rehomed"] = "Rehomed or moved away",
        ["other"] = "Other",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false)
    {
        if (!await ReadAsync(id))
            return NotFound();
        Saved = saved;
        var p = Current;
        Pet = new PetForm { Name = p.Name, Species = p.Species, Breed = p.Breed, BirthDate = p.BirthDate, Sex = p.Sex, Neutered = p.Neutered, WeightKg = p.WeightKg, Notes = p.Notes };
        Revision = p.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var (valid, result) = await TrySendAsync(new UpdatePetCommand(id, Pet.Name ?? "", Pet.Species ?? "", Pet.Breed, Pet.BirthDate, Pet.Sex, Pet.Neutered,
            Pet.WeightKg, Pet.Notes, Revision), nameof(Pet));
        return await AnswerAsync(id, valid, result);
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id)
    {
        var (valid, result) = await TrySendAsync(new ArchivePetCommand(id, ArchiveReason ?? "", Revision));
        if (ModelState[nameof(ArchivePetCommand.Reason)] is { } reason)
        {
            foreach (var refusal in reason.Errors)
                ModelState.AddModelError(nameof(ArchiveReason), refusal.ErrorMessage);
            ModelState.Remove(nameof(ArchivePetCommand.Reason));
        }
        return await AnswerAsync(id, valid, result);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, bool valid, OwnerResult? result)
    {
        if (valid && result!.Error is { } error)
        {
            if (error == Domain.Owners.OwnerErrors.NotYours || error == Domain.Owners.OwnerErrors.PetNotFound)
                return NotFound();
            ModelState.AddModelError("", error.Message);
        }
        if (ModelState.IsValid)
            return LocalRedirect($"/me/pets/{id}?saved=true");
        return await ReadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        Current = (await Mediator.Send(new GetMyPetQuery(id), HttpContext.RequestAborted))!;
        return Current is not null;
    }
}
