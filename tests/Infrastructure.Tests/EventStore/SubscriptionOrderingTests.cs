using System.Collections.Concurrent;
using System.Text;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>
/// Transactions commit in a different order from the one in which they took their sequence numbers. A reader
/// that follows sequence numbers alone skips the late ones; this one must see every event exactly once.
/// </summary>
public sealed class SubscriptionOrderingTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private const int Writers = 8;
    private const int EventsPerWriter = 1300;

    [Fact]
    public async Task Under_concurrent_writers_holding_transactions_open_a_subscription_sees_every_event_exactly_once_in_stream_order()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seen = new ConcurrentQueue<RecordedEvent>();
        var sentinel = StreamName.For("sentinel", "end");
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in database.Store.SubscribeToAll(Position.Start, cancellationToken: cancel.Token))
            {
                seen.Enqueue(e);
                if (e.Stream == sentinel)
                    return;
            }
        });

        var committed = new ConcurrentBag<Guid>();
        var rolledBack = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => Write(w, committed, rolledBack, cancel.Token))));
        await database.Store.AppendToStreamAsync(sentinel, ExpectedRevision.NoStream, [Event()], cancel.Token);
        await subscription;

        var delivered = seen.Where(e => e.Stream != sentinel).ToList();
        committed.Count.Should().BeGreaterThanOrEqualTo(10_000);
        var deliveredIds = delivered.Select(e => e.EventId).ToHashSet();
        deliveredIds.Count.Should().Be(delivered.Count, "no event is delivered twice");
        committed.Where(id => !deliveredIds.Contains(id)).Should().BeEmpty("no committed event is skipped");
        deliveredIds.Count.Should().Be(committed.Count);
        rolledBack.Where(deliveredIds.Contains).Should().BeEmpty("rolled-back events never appear");
        delivered.Select(e => e.Position).Should().BeInAscendingOrder();
        foreach (var stream in delivered.GroupBy(e => e.Stream))
            stream.Select(e => e.StreamRevision).Should().Equal(Enumerable.Range(0, stream.Count()).Select(i => (long)i), $"{stream.Key} is read in its own order");

        // The hazard was really there: some events committed after events with higher sequence numbers.
        var inversions = delivered.Zip(delivered.Skip(1)).Count(pair => pair.Second.Position.PreparePosition < pair.First.Position.PreparePosition);
        inversions.Should().BePositive();
    }

    private async Task Write(int writer, ConcurrentBag<Guid> committed, ConcurrentBag<Guid> rolledBack, CancellationToken cancellationToken)
    {
        var random = new Random(writer);
        var written = 0;
        while (written < EventsPerWriter)
        {
            // Mostly the writer's own streams, sometimes a stream all writers share.
            var stream = random.Next(5) == 0
                ? StreamName.For("shared", random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : StreamName.For("writer", $"{writer}-{random.Next(20)}");
            var events = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Event()).ToList();
            var rollBack = random.Next(20) == 0;

            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await database.Store.AppendAsync(connection, transaction, stream, ExpectedRevision.Any, events, cancellationToken);
            await Task.Delay(random.Next(0, 12), cancellationToken);
            if (rollBack)
            {
                await transaction.RollbackAsync(cancellationToken);
                events.ForEach(e => rolledBack.Add(e.EventId));
                continue;
            }
            await transaction.CommitAsync(cancellationToken);
            database.Notifier.Appended();
            events.ForEach(e => committed.Add(e.EventId));
            written += events.Count;
        }
    }

    private static EventData Event() => new(Guid.NewGuid(), "test.v1.happened", Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}"));
}
