using System.Text;
using VetOS.Application.EventStore;
using VetOS.TestSupport;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>
/// What every <see cref="IEventStore"/> adapter must do. An adapter's test class derives from this and
/// supplies a store on an empty database.
/// </summary>
public abstract class EventStoreConformance
{
    protected abstract IEventStore Store { get; }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    protected static StreamName NewStream(string category = "pet") => StreamName.For(category, Guid.NewGuid().ToString("N"));

    protected static EventData Event(string type = "pet.v1.named", string json = """{"name":"Biscuit"}""", string? metadata = null) =>
        new(Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(metadata ?? """{"actor":"test"}"""));

    private static string Text(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);

    [Fact]
    public async Task Appending_to_a_new_stream_numbers_events_from_zero_and_reads_them_back_in_order()
    {
        var stream = NewStream();
        var events = new[] { Event(json: """{"n":1}"""), Event(json: """{"n":2}"""), Event(json: """{"n":3}""") };

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        result.NextExpectedRevision.Should().Be(2);
        var read = await Store.ReadStreamAsync(stream);
        read.Select(e => e.EventId).Should().Equal(events.Select(e => e.EventId));
        read.Select(e => e.StreamRevision).Should().Equal(0, 1, 2);
        read.Select(e => Text(e.Data)).Should().Equal("""{"n":1}""", """{"n":2}""", """{"n":3}""");
        read.Should().OnlyContain(e => e.Stream == stream && e.Type == "pet.v1.named");
        result.LogPosition.Should().Be(read[^1].Position);
    }

    [Fact]
    public async Task Metadata_is_kept_beside_the_data()
    {
        var stream = NewStream();
        var metadata = """{"correlationId":"6d1f5a2e-0000-4000-8000-000000000001","actor":"owner-42","occurredAt":"2026-11-23T10:00:00+00:00"}""";
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(metadata: metadata)]);

        var read = await Store.ReadStreamAsync(stream);

        Text(read.Single().Metadata).Should().Be(metadata);
        read.Single().Created.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Expecting_no_stream_when_the_stream_exists_is_a_concurrency_error_naming_stream_expected_and_actual()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), Event()]);

        var append = () => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event()]);

        var error = (await append.Should().ThrowAsync<WrongExpectedRevisionException>()).Which;
        error.Stream.Should().Be(stream);
        error.Expected.Should().Be(ExpectedRevision.NoStream);
        error.Actual.Should().Be(1);
        error.Message.Should().Contain(stream.Value).And.Contain("no stream").And.Contain("at 1");
    }

    [Fact]
    public async Task An_exact_revision_must_match_the_last_one()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), Event()]);

        var stale = () => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(0), [Event()]);
        (await stale.Should().ThrowAsync<WrongExpectedRevisionException>()).Which.Actual.Should().Be(1);

        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), [Event()]);
        result.NextExpectedRevision.Should().Be(2);
        (await Store.ReadStreamAsync(stream)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Expecting_an_existing_stream_fails_on_a_missing_one_and_succeeds_on_an_existing_one()
    {
        var stream = NewStream();

        var missing = () => Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, [Event()]);
        (await missing.Should().ThrowAsync<WrongExpectedRevisionException>()).Which.Actual.Should().Be(-1);
        (await Store.ReadStreamAsync(stream)).Should().BeEmpty();

        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [Event()]);
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, [Event()]);
        result.NextExpectedRevision.Should().Be(1);
    }

    [Fact]
    public async Task Any_appends_whatever_the_stream_holds()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [Event()]);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [Event(), Event()]);

        (await Store.ReadStreamAsync(stream)).Select(e => e.StreamRevision).Should().Equal(0, 1, 2);
    }

    [Fact]
    public async Task Retrying_an_append_with_the_same_event_ids_succeeds_and_stores_them_once()
    {
        var stream = NewStream();
        var events = new[] { Event(), Event() };
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        var retry = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);

        retry.Should().Be(first);
        (await Store.ReadStreamAsync(stream)).Select(e => e.EventId).Should().Equal(events.Select(e => e.EventId));
    }

    [Fact]
    public async Task Concurrent_retries_of_the_same_append_store_it_once()
    {
        var stream = NewStream();
        var events = new[] { Event(), Event() };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events))));

        results.Should().AllBeEquivalentTo(results[0]);
        (await Store.ReadStreamAsync(stream)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Event_ids_already_stored_in_another_stream_are_refused()
    {
        var events = new[] { Event() };
        await Store.AppendToStreamAsync(NewStream(), ExpectedRevision.NoStream, events);
        var other = NewStream();

        var append = () => Store.AppendToStreamAsync(other, ExpectedRevision.Any, events);

        await append.Should().ThrowAsync<WrongExpectedRevisionException>();
        (await Store.ReadStreamAsync(other)).Should().BeEmpty();
    }

    [Fact]
    public async Task Of_many_writers_racing_with_the_same_expected_revision_exactly_one_wins()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event()]);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(0), [Event()]);
                return true;
            }
            catch (WrongExpectedRevisionException)
            {
                return false;
            }
        })));

        attempts.Count(won => won).Should().Be(1);
        (await Store.ReadStreamAsync(stream)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Reads_a_stream_forwards_or_backwards_from_a_revision_with_a_count()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, Enumerable.Range(0, 10).Select(_ => Event()).ToList());

        (await Store.ReadStreamAsync(stream, Direction.Forwards, 3, 4)).Select(e => e.StreamRevision).Should().Equal(3, 4, 5, 6);
        (await Store.ReadStreamAsync(stream, Direction.Backwards, 5, 3)).Select(e => e.StreamRevision).Should().Equal(5, 4, 3);
        (await Store.ReadStreamAsync(stream, Direction.Backwards, long.MaxValue, 2)).Select(e => e.StreamRevision).Should().Equal(9, 8);
        (await Store.ReadStreamAsync(stream, Direction.Forwards, 20, 5)).Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_a_stream_that_does_not_exist_gives_nothing()
    {
        (await Store.ReadStreamAsync(NewStream())).Should().BeEmpty();
    }

    [Fact]
    public async Task Reads_all_events_in_global_order_from_a_position_and_by_category()
    {
        var start = await LastPosition();
        var pet = NewStream("pet");
        var owner = NewStream("owner");
        await Store.AppendToStreamAsync(pet, ExpectedRevision.NoStream, [Event(), Event()]);
        await Store.AppendToStreamAsync(owner, ExpectedRevision.NoStream, [Event()]);
        await Store.AppendToStreamAsync(pet, ExpectedRevision.Exact(1), [Event()]);

        // Scoped to this test's streams: earlier tests' events may still have been held back when 'start' was read.
        async Task<List<RecordedEvent>> Ours() => (await Store.ReadAllAsync(start, 1000)).Where(e => e.Stream == pet || e.Stream == owner).ToList();
        var all = await Eventually.Until(Ours, page => page.Count >= 4, because: "all four events to be readable");
        all.Select(e => (e.Stream, e.StreamRevision)).Should().Equal((pet, 0L), (pet, 1L), (owner, 0L), (pet, 2L));
        all.Select(e => e.Position).Should().BeInAscendingOrder();

        var afterSecond = await Store.ReadAllAsync(all[1].Position, 2);
        afterSecond.Select(e => e.EventId).Should().Equal(all[2].EventId, all[3].EventId);

        var owners = await Store.ReadAllAsync(start, 1000, category: "owner");
        owners.Select(e => e.Stream).Should().Contain(owner).And.OnlyContain(s => s.Category == "owner");
    }

    [Fact]
    public async Task A_subscription_catches_up_and_then_follows_live_appends()
    {
        var start = await LastPosition();
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), Event()]);
        using var cancel = new CancellationTokenSource(Deadline);
        var seen = new List<RecordedEvent>();

        // Other databases' open transactions can hold the visible horizon back, so earlier tests' events may show up too.
        await foreach (var e in Store.SubscribeToAll(start, cancellationToken: cancel.Token))
        {
            if (e.Stream != stream)
                continue;
            seen.Add(e);
            if (seen.Count == 2)
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), [Event()]);
            if (seen.Count == 3)
                break;
        }

        seen.Select(e => e.StreamRevision).Should().Equal(0, 1, 2);
    }

    [Fact]
    public async Task A_subscription_resumes_after_its_checkpoint()
    {
        var stream = NewStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), Event(), Event()]);
        var checkpoint = (await Store.ReadStreamAsync(stream))[1].Position;
        using var cancel = new CancellationTokenSource(Deadline);

        await foreach (var e in Store.SubscribeToAll(checkpoint, cancellationToken: cancel.Token))
        {
            e.Stream.Should().Be(stream);
            e.StreamRevision.Should().Be(2);
            break;
        }
    }

    [Fact]
    public async Task A_category_subscription_sees_only_its_category()
    {
        var start = await LastPosition();
        var visit = NewStream("visit");
        using var cancel = new CancellationTokenSource(Deadline);
        var seen = new List<RecordedEvent>();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAll(start, "visit", cancel.Token))
            {
                seen.Add(e);
                if (seen.Count == 2)
                    return;
            }
        });

        await Store.AppendToStreamAsync(NewStream("pet"), ExpectedRevision.NoStream, [Event()]);
        await Store.AppendToStreamAsync(visit, ExpectedRevision.NoStream, [Event()]);
        await Store.AppendToStreamAsync(NewStream("owner"), ExpectedRevision.NoStream, [Event()]);
        await Store.AppendToStreamAsync(visit, ExpectedRevision.Exact(0), [Event()]);
        await subscription;

        seen.Should().OnlyContain(e => e.Stream == visit);
        seen.Select(e => e.StreamRevision).Should().Equal(0, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nocategory")]
    [InlineData("-leadingdash")]
    [InlineData("pet-")]
    [InlineData("pet-with space")]
    [InlineData("pét-1")]
    public void Malformed_stream_names_are_refused(string name)
    {
        var make = () => new StreamName(name);

        make.Should().Throw<InvalidStreamNameException>().WithMessage("Invalid stream name*");
    }

    [Fact]
    public async Task An_event_over_the_size_limit_is_refused_and_nothing_of_its_append_is_written()
    {
        var stream = NewStream();
        var huge = Event(json: $"{{\"notes\":\"{new string('x', EventData.MaxSize)}\"}}");

        var append = () => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), huge]);

        (await append.Should().ThrowAsync<EventTooLargeException>()).Which.EventId.Should().Be(huge.EventId);
        (await Store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    [Fact]
    public async Task Data_that_is_not_json_is_refused_and_nothing_of_its_append_is_written()
    {
        var stream = NewStream();

        var append = () => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [Event(), Event(json: "{not json")]);

        await append.Should().ThrowAsync<InvalidEventException>();
        (await Store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    [Fact]
    public async Task Empty_ids_types_and_ids_repeated_within_one_append_are_refused()
    {
        var stream = NewStream();
        var once = Event();

        await FluentActions.Awaiting(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [once with { EventId = Guid.Empty }]))
            .Should().ThrowAsync<InvalidEventException>();
        await FluentActions.Awaiting(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [once with { Type = " " }]))
            .Should().ThrowAsync<InvalidEventException>();
        await FluentActions.Awaiting(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [once, once]))
            .Should().ThrowAsync<InvalidEventException>();
        (await Store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    private async Task<Position> LastPosition()
    {
        var last = Position.Start;
        while (true)
        {
            var page = await Store.ReadAllAsync(last, 1000);
            if (page.Count == 0)
                return last;
            last = page[^1].Position;
        }
    }
}
