using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VetOS.Infrastructure.Clinics;

/// <summary>Seeds the demo clinic and its accounts, and tells whoever started the portal how to sign in.</summary>
public static partial class DemoSeed
{
    public static async Task RunAsync(IServiceProvider services)
    {
        await services.GetRequiredService<DemoClinic>().SeedAsync();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("VetOS.Demo");
        Seeded(logger, DemoClinic.Name, DemoAccounts.Password,
            string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"  {a.Role,-13} {a.Email}")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clinic \"{Clinic}\" is ready. Sign in with password {Password} as:\n{Accounts}")]
    private static partial void Seeded(ILogger logger, string clinic, string password, string accounts);
}
