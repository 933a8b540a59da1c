using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Conversations;

namespace VetOS.Web.Portal.Me.Conversations;

public sealed class ThreadModel : PortalPage
{
    public MyConversation? Clinic { get; private set; }

    public ConversationThread? Thread { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    [FromQuery]
    public bool Sent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid clinicId) => await LoadAsync(clinicId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid clinicId)
    {
        var (valid, result) = await TrySendAsync(new WriteToClinicCommand(clinicId, Body ?? "", null, null));
        if (valid && result!.Error is { } error)
            ModelState.AddModelError(nameof(Body), error.Message);
        if (ModelState.IsValid)
            return LocalRedirect($"/me/conversations/{clinicId}?sent=true");
        return await LoadAsync(clinicId) ? Page() : NotFound();
    }

    public string LocalTime(DateTimeOffset at) => IndexModel.LocalTime(at, Clinic!.TimeZone);

    private async Task<bool> LoadAsync(Guid clinic)
    {
        Clinic = (await Mediator.Send(new ListMyConversationsQuery(), HttpContext.RequestAborted)).FirstOrDefault(c => c.Clinic == clinic);
        Thread = Clinic is null ? null : await Mediator.Send(new GetMyConversationQuery(clinic), HttpContext.RequestAborted);
        return Thread is not null;
    }
}
