using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using VetOS.Web.Auth;

namespace VetOS.Web.Tests.Portal;

/// <summary>The portal on a real port (Kestrel, not the in-memory test server), for a real browser to visit.</summary>
public sealed class PortalHost : VetOSApp
{
    public PortalHost() => UseKestrel(0);

    /// <summary>Where the portal listens, on localhost so that the browser keeps its secure cookies over plain HTTP.</summary>
    public Uri Address { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(PlainHttp.Setting, "true"); // as ./vetos up serves it
    }

    protected override void Start()
    {
        StartServer();
        var bound = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Address = new UriBuilder(bound) { Host = "localhost" }.Uri;
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the portal, as wide as <paramref name="width"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = Browsers.Desktop)
    {
        var context = await (await Browsers.ChromiumAsync()).NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
