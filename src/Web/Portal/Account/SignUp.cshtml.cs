using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Web.Auth;

namespace VetOS.Web.Portal.Account;

/// <summary>An owner signs up through their clinic's page; the answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimitPolicies.SignUp)]
public sealed class SignUpModel: PortalPage
{
    public RegisteredClinic Clinic { get; private set; } = null!;

    [BindProperty, Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [BindProperty, Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty, Display(Name = "Country of the phone number")]
    public string? PhoneCountry { get; set; }

    [BindProperty, Display(Name = "Mobile phone")]
    public string Phone { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Display(Name = "Choose a password")]
    public string Password { get; set; } = "";

    public string? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await FindClinicAsync(slug))
            return NotFound();
        PhoneCountry = Phones.CountryOf(Clinic.Details.ContactPhone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await FindClinicAsync(slug))
            return NotFound();
        if (!WithinAccountLimit(RateLimitPolicies.SignUp, Email))
            return Page();
        var (valid, receipt) = await TrySendAsync(new SignUpOwnerCommand(Clinic.Id, Name ?? "", Email ?? "", Phone ?? "", Password ?? "", PhoneCountry));
        if (!valid)
            return Page();
        Receipt = receipt!.Message;
        return Page();
    }

    private async Task<bool> FindClinicAsync(string slug)
    {
        Clinic = (await Mediator.Send(new GetClinicBySlugQuery(slug), HttpContext.RequestAborted))!;
        return Clinic is not null;
    }
}
