namespace VetOS.Infrastructure;

/// <summary>Background work that starts again, a second after it fails, until it is stopped.</summary>
public static class RestartOnFailure
{
    /// <summary>How long to wait before starting again, and how often to look again while another instance holds a lock.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="work"/> over and over until cancelled.</summary>
    public static Task RunAsync(Func<CancellationToken, Task> work, Action<Exception> failed, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            await work(ct);
            return true;
        }, failed, cancellationToken);

    /// <summary>Runs <paramref name="work"/> over and over until cancelled or until it answers false (nothing left to do).</summary>
    public static async Task RunAsync(Func<CancellationToken, Task<bool>> work, Action<Exception> failed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await work(cancellationToken))
                    return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed(e);
                try { await Task.Delay(Pause, cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
