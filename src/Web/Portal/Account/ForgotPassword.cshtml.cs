using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using VetOS.Application.Accounts;
using VetOS.Web.Auth;

namespace VetOS.Web.Portal.Account;

/// <summary>Asks for a reset link; the answer is the same whether or not an account has the address.</summary>
[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public sealed class ForgotPasswordModel: PortalPage
{
    [BindProperty, Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public string? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!WithinAccountLimit(RateLimitPolicies.ForgotPassword, Email))
            return Page();
        var (valid, receipt) = await TrySendAsync(new ForgotPasswordCommand(Email ?? ""));
        if (valid)
            Receipt = receipt!.Message;
        return Page();
    }
}
