using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;

namespace VetOS.Web.Portal.Booking;

/// <summary>Book: straight on to the owner's clinic, or a choice among their clinics.</summary>
[Authorize]
public sealed class ChooseClinicModel : PortalPage
{
    public IReadOnlyList<ClientOf> Clinics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Clinics = await Mediator.Send(new ListMyClinicsQuery(), HttpContext.RequestAborted);
        return Clinics.Count == 1 ? LocalRedirect($"/book/{Clinics[0].Slug}") : Page();
    }
}
