using Hangfire;
using Microsoft.Extensions.Hosting;
using VetOS.Infrastructure.Messaging.Retention;

namespace VetOS.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs, registered at start-up; their arguments are ids at most (here, none). There is no token
/// clean-up job: confirmation and reset tokens are stateless data-protection tokens that expire on their own, so
/// nothing is stored that would need cleaning.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring) : IHostedService
{
    public const string Dispatcher = "messages-dispatcher";
    public const string DeliveryLogPurge = "delivery-log-purge";
    public const string PrivacyRequestsDue = "privacy-requests-due";
    public const string ExpiredExportsPurge = "access-exports-expiry";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Every minute: starts the dispatcher where it is not running (after a crash, or on the first instance up).
        recurring.AddOrUpdate<DispatcherJob>(Dispatcher, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<RetentionPurge>(DeliveryLogPurge, purge => purge.RunAsync(CancellationToken.None), Cron.Daily(3, 17));
        recurring.AddOrUpdate<PrivacyRequests.DueRequestsJob>(PrivacyRequestsDue, job => job.RunAsync(CancellationToken.None), Cron.Daily(7, 0));
        recurring.AddOrUpdate<PrivacyRequests.ExpiredExportsPurge>(ExpiredExportsPurge, purge => purge.RunAsync(CancellationToken.None), Cron.Hourly(23));
        recurring.Trigger(Dispatcher); // now, rather than at the next minute
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
