using VetOS.Application.Accounts;

namespace VetOS.Web.Portal.Account;

/// <summary>Where the confirmation email's link lands.</summary>
public sealed class ConfirmModel : PortalPage
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid account, string? token) =>
        Confirmed = token is not null && await Mediator.Send(new ConfirmEmailCommand(account, token), HttpContext.RequestAborted);
}
