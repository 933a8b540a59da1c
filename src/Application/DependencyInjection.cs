using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Bookings;
using VetOS.Application.Consents;
using VetOS.Application.Conversations;
using VetOS.Application.Messaging.Inbound;
using VetOS.Application.Owners;
using VetOS.Application.PrivacyRequests;

namespace VetOS.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases' own services: every validator, and each aggregate's decide on the command service. The Mediator
    /// pipeline is registered by the host, where its source generator runs.
    /// </summary>
    public static IServiceCollection AddVetOSApplication(this IServiceCollection services)
    {
        foreach (var validator in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericType: false }))
        {
            if (validator.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                services.AddSingleton(typeof(IValidator<>).MakeGenericType(baseType.GetGenericArguments()), validator);
        }
        services.AddScoped<BookingCommandRunner>();
        services.AddScoped<OwnerCommandRunner>();
        services.AddScoped<ConsentCommandRunner>();
        services.AddScoped<PrivacyRequestRunner>();
        services.AddScoped<ContactCorrection>();
        services.AddScoped<ConversationRunner>();
        services.AddScoped<ReminderReply>();
        services.AddScoped<ConsentByReply>();
        services.AddScoped<AccessExportBuilder>();
        services.AddScoped<RemindOfDueRequests>();
        return services;
    }
}
