using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Owners;
using VetOS.Domain.Owners;

namespace VetOS.Web.Portal.Me;

/// <summary>The owner's contact details: name, phone (as they write it) and the channel they prefer.</summary>
public sealed class ProfileModel : PortalPage
{
    public MyProfile Profile { get; private set; } = null!;

    public bool Saved { get; private set; }

    [BindProperty, Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Phone { get; set; } = "";

    [BindProperty]
    public string? PhoneCountry { get; set; }

    [BindProperty, Display(Name = "How should your clinic reach you first?")]
    public string PreferredChannel { get; set; } = "";

    /// <summary>The revision the form was read at: a change made meanwhile (on another device) is not overwritten.</summary>
    [BindProperty]
    public long Revision { get; set; }

    public static IReadOnlyList<string> Channels => ContactDetails.Channels;

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await ReadAsync();
        (Name, PreferredChannel, Revision) = (Profile.Name, Profile.PreferredChannel, Profile.Revision);
        PhoneCountry = Phones.CountryOf(Profile.Phone) ?? await ClinicCountryAsync();
        Phone = Phones.National(Profile.Phone, PhoneCountry);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (valid, result) = await TrySendAsync(new UpdateMyContactDetailsCommand(Name ?? "", Phone ?? "", PreferredChannel ?? "", Revision, PhoneCountry));
        if (valid && result!.Error is { } error)
            ModelState.AddModelError("", error.Message);
        if (!ModelState.IsValid)
        {
            await ReadAsync();
            return Page();
        }
        return RedirectToPage(new { saved = true });
    }

    private async Task ReadAsync() => Profile = await Mediator.Send(new GetMyProfileQuery(), HttpContext.RequestAborted);

    /// <summary>For a number VetOS cannot place, the country of the owner's first clinic, as sign-up offered it.</summary>
    private async Task<string?> ClinicCountryAsync() =>
        await Mediator.Send(new ListMyClinicsQuery(), HttpContext.RequestAborted) is [var client, ..]
        && await Mediator.Send(new GetClinicDetailsQuery(client.Clinic), HttpContext.RequestAborted) is { } clinic
            ? Phones.CountryOf(clinic.ContactPhone)
            : null;
}
