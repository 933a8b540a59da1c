using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Accounts;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.Jobs;
using VetOS.Infrastructure.Messaging;
using VetOS.Infrastructure.PersonalData;
using VetOS.Infrastructure.PrivacyRequests;
using VetOS.Infrastructure.Projections;

namespace VetOS.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddVetOSInfrastructure(this IServiceCollection services, string connectionString, IConfiguration? configuration = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:ConnectionString is not set; ./vetos up sets it, or give VETOS_DATABASE__CONNECTIONSTRING.");

        services.AddSingleton(_ => VetOSDataSource.Create(connectionString));
        services.AddSingleton<SchemaMigrator>();
        services.AddVetOSAccounts();
        services.AddSingleton<EventStoreNotifier>();
        services.AddSingleton<PostgresEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        services.AddSingleton<IPersonalDataKeys, PostgresPersonalDataKeys>();
        services.AddSingleton(_ => EventTypeRegistry.FromAssemblies(typeof(Domain.Events.EventTypeAttribute).Assembly));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<IEventStreams, EventStreams>();
        services.AddSingleton<Clinics.DemoClinic>();
        services.AddScoped<Clinics.DemoAccounts>();
        services.AddSingleton<Application.Clinics.IPublicClinics, Clinics.ClinicDirectory>();
        services.AddSingleton<Application.Clinics.IClinicSetup, Clinics.PostgresClinicSetup>();
        services.AddSingleton<Application.Clinics.IClinicRegistry, Clinics.PostgresClinicRegistry>();
        services.AddSingleton<IAppointments, PostgresAppointments>();
        services.AddMemoryCache();
        services.AddSingleton<PostgresClinicRules>();
        services.AddSingleton<CachedClinicRules>();
        services.AddSingleton<IClinicRulesSource>(sp => sp.GetRequiredService<CachedClinicRules>());
        services.AddSingleton<IPetDirectory, PostgresPetDirectory>();
        services.AddSingleton<Application.Common.IAccessLog, Audit.PostgresAccessLog>();
        services.AddSingleton<IBusyTimes, PostgresBusyTimes>();
        services.AddSingleton<IAppointmentReadModel, PostgresAppointmentReadModel>();
        services.AddSingleton<Projection, AppointmentsProjection>();
        services.AddSingleton<Application.Owners.IOwnerRecords, Owners.PostgresOwnerRecords>();
        services.AddSingleton<Application.Owners.IClientDirectory, Owners.PostgresClientDirectory>();
        services.AddSingleton<Application.Consents.IConsentLedgers, Consents.PostgresConsentLedgers>();
        services.AddSingleton<Application.Consents.IConsentPurposes, Consents.PostgresConsentPurposes>();
        services.AddSingleton<Application.Consents.IConsentCheck, Consents.PostgresConsentCheck>();
        services.AddSingleton<Application.Consents.IConsentReports, Consents.PostgresConsentReports>();
        services.AddSingleton<Consents.ConsentPeriodsRebuild>();
        services.AddSingleton<Application.Conversations.IConversations, Conversations.PostgresConversations>();
        services.AddSingleton<Application.Accounts.IPortalLinks, Accounts.PortalLinks>();
        services.AddSingleton<Application.Conversations.ConversationAnnouncer>();
        services.AddSingleton<Projection, Conversations.ConversationAnnouncementsProjection>();
        services.AddMessageContent();
        configuration ??= new ConfigurationBuilder().Build();
        services.AddMessaging(configuration);
        services.AddVetOSJobs(configuration, connectionString);
        services.AddPrivacyRequests(configuration);
        services.AddSingleton<ProjectionRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionRunner>());
        return services;
    }
}
