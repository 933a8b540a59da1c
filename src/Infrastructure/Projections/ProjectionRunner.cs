using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Projections;

public enum ProjectionState { Starting, Running, Standby, Faulted }

/// <summary>
/// Feeds every projection from a subscription. Each batch of read-model writes commits together with the
/// checkpoint, so each event takes effect exactly once. A projection runs on one instance at a time: the
/// one holding its advisory lock; the others stand by.
/// </summary>
public sealed class ProjectionRunner(
    NpgsqlDataSource dataSource,
    IEventStore store,
    EventSerializer serializer,
    IEnumerable<Projection> projections,
    ILogger<ProjectionRunner> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Dictionary<string, Worker> workers = projections.ToDictionary(p => p.Name, p => new Worker(p));

    public IReadOnlyDictionary<string, ProjectionState> States => workers.ToDictionary(w => w.Key, w => w.Value.State);

    /// <summary>Empties the projection and replays it from the first event. Completes once the reset is committed.</summary>
    public Task RebuildAsync(string name)
    {
        var worker = workers[name];
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.RebuildRequests.Enqueue(request);
        worker.Interrupt();
        return request.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(workers.Values.Select(w => Task.Run(() => RunAsync(w, stoppingToken), stoppingToken)));

    private Task RunAsync(Worker worker, CancellationToken stoppingToken) =>
        RestartOnFailure.RunAsync(ct => RunOrStandByAsync(worker, ct), e =>
        {
            worker.State = ProjectionState.Faulted;
            logger.LogError(e, "Projection {Projection} failed; restarting from its checkpoint", worker.Projection.Name);
        }, stoppingToken);

    private async Task RunOrStandByAsync(Worker worker, CancellationToken stoppingToken)
    {
        var projectionLock = SessionLock.Projection(worker.Projection.Name);
        await using var lockConnection = await dataSource.OpenConnectionAsync(stoppingToken);
        if (!await projectionLock.TryAcquireAsync(lockConnection, stoppingToken))
        {
            worker.State = ProjectionState.Standby;
            await Task.Delay(RestartOnFailure.Pause, stoppingToken);
            return;
        }
        try
        {
            await RunWhileLockedAsync(worker, stoppingToken);
        }
        finally
        {
            await projectionLock.ReleaseAsync(lockConnection);
        }
    }

    private async Task RunWhileLockedAsync(Worker worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (worker.RebuildRequests.TryDequeue(out var request))
            {
                await ResetAsync(worker.Projection, stoppingToken);
                request.TrySetResult();
            }

            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            worker.Interruption = interrupted;
            if (!worker.RebuildRequests.IsEmpty)
                continue;
            try
            {
                var checkpoint = await LoadCheckpoint(worker.Projection.Name, stoppingToken);
                worker.State = ProjectionState.Running;
                await foreach (var batch in Batches(store.SubscribeToAll(checkpoint, worker.Projection.Category, interrupted.Token), interrupted.Token))
                    await ApplyAsync(worker.Projection, batch, interrupted.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // interrupted for a rebuild
            }
        }
    }

    private async Task ApplyAsync(Projection projection, IReadOnlyList<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        var relevant = batch.Where(e => projection.Handles(e.Type)).ToList();
        var events = await serializer.DeserializeAsync(relevant, cancellationToken);
        // A batch runs as one implicit transaction: the read-model writes and the checkpoint commit together.
        await using var writes = new NpgsqlBatch();
        foreach (var stored in events)
            await projection.ApplyAsync(new ProjectionContext(writes, stored), cancellationToken);
        writes.BatchCommands.Add(SaveCheckpoint(projection.Name, batch[^1].Position));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        writes.Connection = connection;
        await writes.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ResetAsync(Projection projection, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await projection.ResetAsync(connection, transaction, cancellationToken);
        await using (var delete = Sql.Command(connection, transaction, "delete from projections.checkpoints where name = $1", projection.Name))
            await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Projection {Projection} reset; rebuilding from the first event", projection.Name);
    }

    private static async IAsyncEnumerable<IReadOnlyList<RecordedEvent>> Batches(
        IAsyncEnumerable<RecordedEvent> events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(MaxBatch * 4) { SingleReader = true, SingleWriter = true });
        var pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in events.WithCancellation(cancellationToken))
                    await channel.Writer.WriteAsync(e, cancellationToken);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);

        while (await channel.Reader.WaitToReadAsync(cancellationToken))
        {
            var batch = new List<RecordedEvent>(MaxBatch);
            while (batch.Count < MaxBatch && channel.Reader.TryRead(out var e))
                batch.Add(e);
            yield return batch;
        }
        await pump;
    }

    private async Task<Position> LoadCheckpoint(string name, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(dataSource, "select commit_position, prepare_position from projections.checkpoints where name = $1", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Position((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1))
            : Position.Start;
    }

    private static NpgsqlBatchCommand SaveCheckpoint(string name, Position position) => Sql.BatchCommand("""
        insert into projections.checkpoints (name, commit_position, prepare_position) values ($1, $2, $3)
        on conflict (name) do update set commit_position = $2, prepare_position = $3, updated_at = now()
        """, name, (long)position.CommitPosition, (long)position.PreparePosition);

    private sealed class Worker(Projection projection)
    {
        public Projection Projection { get; } = projection;
        public volatile ProjectionState State = ProjectionState.Starting;
        public System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource> RebuildRequests { get; } = new();
        public CancellationTokenSource? Interruption;

        public void Interrupt()
        {
            try { Interruption?.Cancel(); }
            catch (ObjectDisposedException) { }
        }
    }
}
