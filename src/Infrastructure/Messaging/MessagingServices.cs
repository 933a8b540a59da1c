using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging.Dispatch;
using VetOS.Infrastructure.Messaging.Postmark;
using VetOS.Infrastructure.Messaging.Retention;
using VetOS.Infrastructure.Messaging.Twilio;

namespace VetOS.Infrastructure.Messaging;

public static class MessagingServices
{
    /// <summary>The queue, the dispatcher with its send-time gates, the providers, the delivery log and its purge.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviders(configuration);
        services.Configure<DispatcherOptions>(configuration.GetSection(DispatcherOptions.Section));
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<MessageSignal>();
        services.AddSingleton<IMessageQueue, PostgresMessageQueue>();
        services.AddSingleton<IEmailSender, QueueingEmailSender>();
        services.AddSingleton<IMessageGate, ConsentGate>();
        services.AddSingleton<MessageSender>();
        services.AddSingleton<MessageDispatcher>();
        if (configuration.GetValue<bool>($"{DispatcherOptions.Section}:{nameof(DispatcherOptions.RunInProcess)}"))
            services.AddHostedService<DispatcherService>();
        services.AddSingleton<IDeliveryLog, PostgresDeliveryLog>();
        services.AddSingleton<RetentionPurge>();
        return services;
    }

    /// <summary>
    /// Postmark and Twilio as typed HttpClients with the standard resilience pipeline (retries on 429, 5xx and timeouts),
    /// each used when its keys are set; otherwise the local outbox takes that channel's messages.
    /// </summary>
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PostmarkOptions>(configuration.GetSection(PostmarkOptions.Section));
        services.Configure<TwilioOptions>(configuration.GetSection(TwilioOptions.Section));
        var postmark = configuration.GetSection(PostmarkOptions.Section).Get<PostmarkOptions>() ?? new PostmarkOptions();
        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        services.AddHttpClient<PostmarkEmailProvider>(http => http.BaseAddress = postmark.BaseUrl)
            .AddStandardResilienceHandler(options => Tune(options, postmark.AttemptTimeout));
        services.AddHttpClient<TwilioTextProvider>(http => http.BaseAddress = twilio.BaseUrl)
            .AddStandardResilienceHandler(options => Tune(options, twilio.AttemptTimeout));
        services.AddSingleton<OutboxProvider>();
        services.AddSingleton<Application.Messaging.Outbox.IOutbox>(sp => sp.GetRequiredService<OutboxProvider>());
        services.AddTransient<IEmailProvider>(sp =>
            postmark.IsConfigured ? sp.GetRequiredService<PostmarkEmailProvider>() : sp.GetRequiredService<OutboxProvider>());
        services.AddTransient<ITextProvider>(sp =>
            twilio.IsConfigured ? sp.GetRequiredService<TwilioTextProvider>() : sp.GetRequiredService<OutboxProvider>());
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
