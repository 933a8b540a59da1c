using System.ComponentModel.DataAnnotations;

namespace VetOS.Web.Portal.Me;

/// <summary>A pet's details as the add and edit forms take them.</summary>
public sealed class PetForm
{
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Species")]
    public string Species { get; set; } = "";

    [Display(Name = "Breed (optional)")]
    public string? Breed { get; set; }

    [Display(Name = "Date of birth (optional)"), DataType(DataType.Date)]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Sex")]
    public string? Sex { get; set; } = "unknown";

    [Display(Name = "Neutered")]
    public bool Neutered { get; set; }

    [Display(Name = "Weight in kg (optional)")]
    public decimal? WeightKg { get; set; }

    [Display(Name = "Notes for the clinic (optional)"), DataType(DataType.MultilineText)]
    public string? Notes { get; set; }
}
