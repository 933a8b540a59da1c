using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging.Postmark;
using VetOS.Infrastructure.Messaging.Twilio;

namespace VetOS.Infrastructure.Messaging;

public static class MessagingServices
{
    /// <summary>Postmark and Twilio as typed HttpClients with the standard resilience pipeline: retries on 429, 5xx and timeouts.</summary>
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PostmarkOptions>(configuration.GetSection(PostmarkOptions.Section));
        services.Configure<TwilioOptions>(configuration.GetSection(TwilioOptions.Section));
        var postmark = configuration.GetSection(PostmarkOptions.Section).Get<PostmarkOptions>() ?? new PostmarkOptions();
        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        services.AddHttpClient<IEmailProvider, PostmarkEmailProvider>(http => http.BaseAddress = postmark.BaseUrl)
            .AddStandardResilienceHandler(options => Tune(options, postmark.AttemptTimeout));
        services.AddHttpClient<ITextProvider, TwilioTextProvider>(http => http.BaseAddress = twilio.BaseUrl)
            .AddStandardResilienceHandler(options => Tune(options, twilio.AttemptTimeout));
        return services;
    }

    private static void Tune(HttpStandardResilienceOptions options, TimeSpan attemptTimeout)
    {
        options.AttemptTimeout.Timeout = attemptTimeout;
        options.TotalRequestTimeout.Timeout = attemptTimeout * 4;
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.CircuitBreaker.SamplingDuration = attemptTimeout * 2;
    }
}
