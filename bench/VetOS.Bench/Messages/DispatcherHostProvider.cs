using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>The Postmark client as the host builds it, for the baseline's jobs: the same sending path as the dispatcher's.</summary>
internal sealed class DispatcherHostProvider(ServiceProvider services) : IDisposable
{
    public IEmailProvider Email { get; } = services.GetRequiredService<IEmailProvider>();

    public static DispatcherHostProvider Create(ProviderStub stub)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postmark:ServerToken"] = "bench-token",
            ["Postmark:From"] = "Bench Clinic <hello@bench.example>",
            ["Postmark:BaseUrl"] = stub.BaseUrl.ToString(),
        }).Build();
        return new DispatcherHostProvider(new ServiceCollection().AddLogging().AddProviders(configuration).BuildServiceProvider());
    }

    public void Dispose() => services.Dispose();
}
