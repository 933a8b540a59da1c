using Microsoft.Playwright;

namespace VetOS.Web.Tests.Portal;

/// <summary>What owners do on the portal's pages, the same in every browser test.</summary>
public static class PortalSteps
{
    /// <summary>Fills in the sign-in page the browser is on and waits to land on <paramref name="landsOn"/>.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string landsOn = "/me")
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // The address is the proof; waiting for the page's load event too timed out once on a busy machine with the page there.
            await page.WaitForURLAsync($"**{landsOn}", new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{email} did not reach {landsOn} after signing in; the page at {page.Url} says: {await page.Locator("body").InnerTextAsync()}");
        }
    }
}
