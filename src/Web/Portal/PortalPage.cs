using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VetOS.Web.Auth;

namespace VetOS.Web.Portal;

/// <summary>
/// A portal page: it sends the same commands and queries as the API, through the one pipeline, and shows the
/// pipeline's refusals next to the fields they name instead of as a problem document.
/// </summary>
public abstract class PortalPage : PageModel
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    /// <summary>The answer, or default with each broken rule in ModelState under its field (prefixed as the form names it).</summary>
    protected Task<(bool Valid, TResponse? Answer)> TrySendAsync<TResponse>(ICommand<TResponse> command, string prefix = "") =>
        TryAsync(() => Mediator.Send(command, HttpContext.RequestAborted), prefix);

    protected Task<(bool Valid, TResponse? Answer)> TrySendAsync<TResponse>(IQuery<TResponse> query, string prefix = "") =>
        TryAsync(() => Mediator.Send(query, HttpContext.RequestAborted), prefix);

    private async Task<(bool Valid, TResponse? Answer)> TryAsync<TResponse>(Func<ValueTask<TResponse>> send, string prefix)
    {
        if (!ModelState.IsValid)
            return (false, default); // a value that did not even read as its type (a weight of "4,2kg"): nothing is sent without it
        try
        {
            return (true, await send());
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
                ModelState.AddModelError(prefix.Length == 0 || error.PropertyName.Length == 0 ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
            return (false, default);
        }
    }

    /// <summary>
    /// Counts an attempt for the address typed (per account, as the API's forms are counted); past the limit, the page
    /// says so and nothing is sent. The same for known and unknown addresses.
    /// </summary>
    protected bool WithinAccountLimit(string policy, string? address)
    {
        using var lease = HttpContext.RequestServices.GetRequiredService<AccountRateLimiter>().AttemptAcquire(policy, address);
        if (!lease.IsAcquired)
            ModelState.AddModelError("", "Too many attempts for this address. Wait a few minutes, then try again.");
        return lease.IsAcquired;
    }

    /// <summary>Only a path of this site: never a redirect to another one.</summary>
    protected IActionResult BackTo(string? returnUrl, string fallback) =>
        LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : fallback);
}
