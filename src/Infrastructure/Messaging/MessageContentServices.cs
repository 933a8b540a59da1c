using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Inbound;
using VetOS.Application.Messaging.Webhooks;
using VetOS.Infrastructure.Messaging.Postmark;
using VetOS.Infrastructure.Messaging.Twilio;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure.Messaging;

public static class MessageContentServices
{
    /// <summary>What messages say and when (booking notices, reminders, the booking gate) and what comes back (webhooks, replies).</summary>
    public static IServiceCollection AddMessageContent(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        services.AddOptions<TwilioWebhookOptions>().BindConfiguration(TwilioOptions.Section);
        services.AddOptions<PostmarkWebhookOptions>().BindConfiguration(PostmarkOptions.Section);
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddSingleton(sp => new MessageContentSettings(sp.GetRequiredService<IOptions<TwilioWebhookOptions>>().Value.ReminderTemplateSid));
        services.AddSingleton<IMessageFacts, PostgresMessageFacts>();
        services.AddSingleton<IReminderPolicies, PostgresReminderPolicies>();
        services.AddSingleton<IPlannedMessages, PostgresPlannedMessages>();
        services.AddSingleton<IProviderStatuses, PostgresProviderStatuses>();
        services.AddSingleton<PostgresInboundMessages>();
        services.AddSingleton<IInboundMessages>(sp => sp.GetRequiredService<PostgresInboundMessages>());
        services.AddSingleton<IWhatsAppWindow>(sp => sp.GetRequiredService<PostgresInboundMessages>());
        services.AddSingleton<BookingMessageComposer>();
        services.AddSingleton<Projection, BookingMessagesProjection>();
        services.AddSingleton<IMessageGate, BookingReminderGate>();
        return services;
    }
}
