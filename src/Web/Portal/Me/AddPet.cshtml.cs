using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Owners;

namespace VetOS.Web.Portal.Me;

public sealed class AddPetModel : PortalPage
{
    [BindProperty]
    public PetForm Pet { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (valid, result) = await TrySendAsync(new AddPetCommand(Pet.Name ?? "", Pet.Species ?? "", Pet.Breed, Pet.BirthDate, Pet.Sex, Pet.Neutered,
            Pet.WeightKg, Pet.Notes), nameof(Pet));
        if (valid && result!.Error is { } error)
            ModelState.AddModelError("", error.Message);
        return ModelState.IsValid ? LocalRedirect($"/me/pets/{result!.Pet}?saved=true") : Page();
    }
}
