using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Clinics;
using VetOS.Application.Consents;

namespace VetOS.Web.Portal.Me;

/// <summary>The owner's consents at each of their clinics: one switch per purpose and channel, with the notice's wording.</summary>
public sealed class ConsentsModel : PortalPage
{
    public IReadOnlyList<(string ClinicName, MyConsents Consents)> Clinics { get; private set; } = [];

    public string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed = null)
    {
        Changed = changed;
        await ReadAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid clinic, string purpose, string channel, bool granted, int? noticeVersion)
    {
        var (valid, result) = await TrySendAsync(new ChooseMyConsentCommand(clinic, purpose, channel, granted, noticeVersion));
        if (valid && result!.Error is { } error)
            ModelState.AddModelError("", error.Message);
        if (!ModelState.IsValid)
        {
            await ReadAsync();
            return Page();
        }
        return RedirectToPage(new { changed = $"{purpose}/{channel}" });
    }

    private async Task ReadAsync()
    {
        var clinics = new List<(string, MyConsents)>();
        foreach (var clinic in await Mediator.Send(new ListMyClinicsQuery(), HttpContext.RequestAborted))
            if (await Mediator.Send(new GetMyConsentsQuery(clinic.Clinic), HttpContext.RequestAborted) is { } consents)
                clinics.Add((clinic.Name, consents));
        Clinics = clinics;
    }
}
