using System.Threading.Channels;
using Mediator;
using VetOS.Application.Accounts;

namespace VetOS.Web.Accounts;

/// <summary>
/// Forgot-password requests, sent after their answer by one background reader. The queue is in memory, so addresses
/// never reach job storage; a request lost in a crash is asked again by its owner. A full queue drops new requests,
/// which the per-address and per-IP rate limits keep from happening in use.
/// </summary>
public sealed class PasswordResetQueue(IServiceScopeFactory scopes, ILogger<PasswordResetQueue> logger) : BackgroundService, IPasswordResetRequests
{
    private readonly Channel<string> requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Request(string email) => requests.Writer.TryWrite(email);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendPasswordResetCommand(email), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A password-reset request could not be sent");
            }
        }
    }
}
