using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using VetOS.Web.Auth;

namespace VetOS.Web.Tests.Portal;

/// <summary>The portal on a real port (Kestrel, not the in-memory test server), for a real browser to visit.</summary>
public sealed class PortalHost : VetOSApp
{
    public PortalHost()
    {
        // A port known before the host starts, so that the links in its emails lead back to it.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        Address = new Uri($"http://localhost:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();
        UseKestrel(Address.Port);
    }

    /// <summary>Where the portal listens, on localhost as <c>./vetos up</c> serves it.</summary>
    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(PlainHttp.Setting, "true"); // as ./vetos up serves it
        builder.UseSetting("Portal:BaseUrl", Address.ToString());
    }

    protected override void Start() => StartServer();

    /// <summary>A client with a cookie jar, over plain HTTP to the real port.</summary>
    public override HttpClient CreateBrowser() => new(new HttpClientHandler { UseCookies = true }) { BaseAddress = Address };

    /// <summary>A fresh browser context (its own cookies) with a page on the portal, as wide as <paramref name="width"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = Browsers.Desktop)
    {
        var context = await (await Browsers.ChromiumAsync()).NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000); // as long as Eventually waits: a busy 2-core machine runs three browser classes at once
        return await context.NewPageAsync();
    }
}
