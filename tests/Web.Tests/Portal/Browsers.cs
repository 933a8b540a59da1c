using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VetOS.Web.Tests.Portal;

/// <summary>
/// One Chromium for the whole test run: Debian's (/usr/bin/chromium), started by Playwright without downloading a
/// browser of its own, headless, and kept off the network beyond localhost.
/// </summary>
public static class Browsers
{
    public const int Desktop = 1280;
    public const int Phone = 390;
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Chromium = new(LaunchAsync);

    public static Task<IBrowser> ChromiumAsync() => Chromium.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The page as a picture, desktop and phone widths, under the test output's screenshots folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var size = page.ViewportSize!;
        foreach (var width in new[] { Desktop, Phone })
        {
            await page.SetViewportSizeAsync(width, size.Height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>The serious and critical accessibility violations axe finds on the page, described for a failure message.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>Checks the page as it stands: pictures at both widths, and no serious accessibility problem.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        (await AccessibilityProblemsAsync(page)).Should().BeEmpty($"page {name} ({page.Url}) should have no serious accessibility violation");
    }
}
