using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>The providers as the host wires them (typed clients, resilience), pointed at a local stub.</summary>
public sealed class ProviderContract : IAsyncLifetime
{
    public ProviderStub Stub { get; private set; } = null!;

    private ServiceProvider services = null!;

    public IEmailProvider Postmark => services.GetRequiredService<IEmailProvider>();

    public ITextProvider Twilio => services.GetRequiredService<ITextProvider>();

    public async Task InitializeAsync()
    {
        Stub = await ProviderStub.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postmark:ServerToken"] = "server-token-123",
            ["Postmark:From"] = "Riverside Veterinary Clinic <hello@riverside-vets.example>",
            ["Postmark:BaseUrl"] = Stub.BaseUrl.ToString(),
            ["Postmark:AttemptTimeout"] = "00:00:01.500",
            ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Twilio:ApiKeySid"] = "SK0123456789abcdef0123456789abcdef",
            ["Twilio:ApiKeySecret"] = "api-key-secret",
            ["Twilio:SmsFrom"] = "+442079460111",
            ["Twilio:WhatsAppFrom"] = "+442079460222",
            ["Twilio:StatusCallbackUrl"] = "https://vetos.example/webhooks/twilio/status",
            ["Twilio:BaseUrl"] = Stub.BaseUrl.ToString(),
            ["Twilio:AttemptTimeout"] = "00:00:01.500",
        }).Build();
        services = new ServiceCollection().AddLogging().AddProviders(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await Stub.DisposeAsync();
    }

    /// <summary>Forgets earlier requests and script, so each test reads only its own.</summary>
    public ProviderStub Fresh()
    {
        Stub.Reset();
        return Stub;
    }
}

/// <summary>The contract tests share one stub; they take turns.</summary>
[CollectionDefinition(nameof(ProviderContract))]
public sealed class ProviderContractCollection : ICollectionFixture<ProviderContract>;
