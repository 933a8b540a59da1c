using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace VetOS.Web.Tests.Consents;

/// <summary>The host as if behind a socket: TestServer's requests carry no client address, so each gets a documentation address.</summary>
public sealed class ConsentApp : VetOSApp
{
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress ??= ClientAddress;
                return then(context);
            });
            next(app);
        };
    }
}
