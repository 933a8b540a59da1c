using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.Accounts;
using VetOS.Infrastructure.Audit;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.Messaging;
using VetOS.Infrastructure.Owners;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.PrivacyRequests;

public static class PrivacyRequestsServices
{
    /// <summary>
    /// Privacy requests, and every holder of owners' data. The account is erased last: the others may still read it
    /// (the outbox's copies are found by its address).
    /// </summary>
    public static IServiceCollection AddPrivacyRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPrivacyRequests, PostgresPrivacyRequests>();
        services.AddSingleton<IAccessExports, PostgresAccessExports>();
        services.AddSingleton<IErasureRecords, PostgresErasureRecords>();
        services.AddSingleton<IRecordKeeping, PostgresRecordKeeping>();
        services.AddSingleton<IErasureScan, PostgresErasureScan>();
        services.AddSingleton(configuration.GetSection(PrivacySettings.Section).Get<PrivacySettings>() ?? new PrivacySettings());
        services.AddSingleton<RecordOfProcessingSource>();
        services.AddSingleton<PrivacyPolicySource>();
        services.AddSingleton<ExpiredExportsPurge>();
        services.AddSingleton<IPersonalDataHolder, OwnerPersonalData>();
        services.AddSingleton<IPersonalDataHolder, AppointmentPersonalData>();
        services.AddSingleton<IPersonalDataHolder, ConsentPersonalData>();
        services.AddSingleton<IPersonalDataHolder, MessagePersonalData>();
        services.AddSingleton<IPersonalDataHolder, Conversations.ConversationPersonalData>();
        services.AddSingleton<IPersonalDataHolder, AccessLogPersonalData>();
        services.AddSingleton<IPersonalDataHolder, PrivacyRequestPersonalData>();
        services.AddSingleton<IPersonalDataHolder, AccountPersonalData>();
        return services;
    }
}
