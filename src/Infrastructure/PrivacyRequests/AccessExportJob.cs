using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.PrivacyRequests;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>The job that builds an access export; its argument is the request's id, nothing personal.</summary>
public sealed class AccessExportJob(IServiceScopeFactory scopes)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task BuildAsync(Guid request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccessExportBuilder>().BuildAsync(request, cancellationToken);
    }
}

/// <summary>The daily job that tells clinic admins of the requests due within 7 days.</summary>
public sealed class DueRequestsJob(IServiceScopeFactory scopes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindOfDueRequests>().RunAsync(cancellationToken);
    }
}
