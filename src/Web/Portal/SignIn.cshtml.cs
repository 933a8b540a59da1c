using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using VetOS.Application.Accounts;
using VetOS.Web.Auth;

namespace VetOS.Web.Portal;

[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class SignInModel: PortalPage
{
    [BindProperty, Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!WithinAccountLimit(RateLimitPolicies.SignIn, Email))
            return Page();
        var (valid, session) = await TrySendAsync(new SignInCommand(Email ?? "", Password ?? ""));
        if (!valid)
            return Page();
        if (session is null)
        {
            ModelState.AddModelError("", "That email and password do not open an account. Check them, confirm your email if you have not, or reset your password.");
            return Page();
        }
        await SessionCookie.SignInAsync(HttpContext, session);
        return BackTo(ReturnUrl, "/me");
    }
}
