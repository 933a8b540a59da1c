using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Web.Auth;

namespace VetOS.Web.Portal;

/// <summary>Sign-out ends this session on the server, so a copy of its cookie stops working too.</summary>
public sealed class SignOutModel : PortalPage
{
    public IActionResult OnGet() => RedirectToPage("/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (SessionCookie.SessionOf(User) is { } session)
            await Mediator.Send(new SignOutCommand(session), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/sign-in?signedOut=true");
    }
}
