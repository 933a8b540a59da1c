using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Clinics;

namespace VetOS.Web.Portal;

public sealed class ClinicModel : PortalPage
{
    public ClinicPage Clinic { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await Mediator.Send(new GetClinicPageQuery(slug), HttpContext.RequestAborted) is not { } clinic)
            return NotFound();
        Clinic = clinic;
        return Page();
    }
}
