using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.Projections;
using VetOS.Infrastructure.Tests.PersonalData;

namespace VetOS.Infrastructure.Tests.Projections;

/// <summary>Owners with their pet count: enough of a read model to see each event take effect exactly once.</summary>
public sealed class OwnerDirectory : Projection
{
    private int failuresLeft;

    public int FailuresLeft { get => failuresLeft; init => failuresLeft = value; }

    public OwnerDirectory()
    {
        On<OwnerRegistered>((e, context) => context.Execute("insert into test.owner_directory (owner_id, name, pets) values ($1, $2, 0)", e.OwnerId, e.Name));
        On<PetAdded>((e, context) =>
        {
            context.Execute("update test.owner_directory set pets = pets + 1 where owner_id = $1", e.OwnerId);
            if (e.PetName == "Poison" && Interlocked.Decrement(ref failuresLeft) >= 0)
                throw new InvalidOperationException("a handler failed half-way through a batch");
        });
    }

    public override string Name => "test-owner-directory";

    public override string? Category => "owner";

    public override async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("truncate test.owner_directory", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class ProjectionRunnerTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>, IAsyncLifetime
{
    private static readonly EventMetadata Metadata = new(Guid.NewGuid(), null, "test", DateTimeOffset.UnixEpoch);
    private readonly EventSerializer serializer = PersonalDataTests.Serializer(database);

    public Task InitializeAsync() => database.ExecuteAsync("""
        create schema if not exists test;
        create table if not exists test.owner_directory (owner_id text primary key, name text not null, pets int not null);
        truncate test.owner_directory;
        delete from projections.checkpoints;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    private ProjectionRunner Runner(OwnerDirectory projection) =>
        new(database.DataSource, database.Store, serializer, [projection], NullLogger<ProjectionRunner>.Instance);

    private async Task<string> Register(string name, int pets)
    {
        var owner = $"o{Guid.NewGuid():N}";
        owners.Add(owner);
        var events = new List<object> { new OwnerRegistered(owner, name, $"{owner}@example.org", "clinic-1") };
        events.AddRange(Enumerable.Range(0, pets).Select(i => new PetAdded(owner, $"Pet {i}", "cat")));
        await new EventStreams(database.Store, serializer).AppendAsync(StreamName.For("owner", owner), ExpectedRevision.NoStream, events, Metadata);
        return owner;
    }

    private readonly List<string> owners = [];

    /// <summary>This test's owners in the read model (other tests' events are replayed into it too).</summary>
    private Task<string> Directory() => database.ScalarAsync<string>(
        "select coalesce(string_agg(owner_id || ':' || name || ':' || pets, ',' order by owner_id), '') from test.owner_directory where owner_id = any($1)",
        (object)owners.ToArray());

    private async Task<string> DirectoryOnceItHolds(Func<string, bool> holds) =>
        await Eventually.Until(Directory, holds, because: "the read model to catch up");

    [Fact]
    public async Task Each_event_takes_effect_exactly_once_across_restarts()
    {
        var ada = await Register("Ada", 3);
        var first = Runner(new OwnerDirectory());
        await first.StartAsync(CancellationToken.None);
        await DirectoryOnceItHolds(d => d.Contains($"{ada}:Ada:3"));
        await first.StopAsync(CancellationToken.None);

        var grace = await Register("Grace", 2);
        var second = Runner(new OwnerDirectory());
        await second.StartAsync(CancellationToken.None);
        var directory = await DirectoryOnceItHolds(d => d.Contains($"{grace}:Grace:2"));
        await second.StopAsync(CancellationToken.None);

        directory.Should().Contain($"{ada}:Ada:3", "events applied before the restart are not applied again");
    }

    [Fact]
    public async Task A_failing_batch_commits_nothing_and_is_retried_from_the_checkpoint()
    {
        var owner = $"o{Guid.NewGuid():N}";
        owners.Add(owner);
        await new EventStreams(database.Store, serializer).AppendAsync(StreamName.For("owner", owner), ExpectedRevision.NoStream,
            [new OwnerRegistered(owner, "Ada", "ada@example.org", "c"), new PetAdded(owner, "Rex", "dog"), new PetAdded(owner, "Poison", "dog"), new PetAdded(owner, "Tom", "cat")],
            Metadata);
        var runner = Runner(new OwnerDirectory { FailuresLeft = 1 });

        await runner.StartAsync(CancellationToken.None);
        var directory = await DirectoryOnceItHolds(d => d.Contains(owner));
        await runner.StopAsync(CancellationToken.None);

        directory.Should().Be($"{owner}:Ada:3");
    }

    [Fact]
    public async Task A_rebuild_from_zero_gives_the_same_read_model_with_erased_subjects_erased()
    {
        var ada = await Register("Ada", 1);
        var grace = await Register("Grace", 2);
        var runner = Runner(new OwnerDirectory());
        await runner.StartAsync(CancellationToken.None);
        var built = await DirectoryOnceItHolds(d => d.Contains(ada) && d.Contains(grace));

        await database.Keys.DestroyAsync(grace);
        await runner.RebuildAsync("test-owner-directory");
        var rebuilt = await DirectoryOnceItHolds(d => d.Contains(ada) && d.Contains(grace));
        await runner.StopAsync(CancellationToken.None);

        rebuilt.Should().Be(built.Replace($"{grace}:Grace:", $"{grace}:erased:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_two_instances_one_runs_the_projection_and_the_other_takes_over_when_it_stops()
    {
        var ada = await Register("Ada", 1);
        var one = Runner(new OwnerDirectory());
        var two = Runner(new OwnerDirectory());
        await one.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(one.States["test-owner-directory"]), s => s == ProjectionState.Running);
        await two.StartAsync(CancellationToken.None);
        await DirectoryOnceItHolds(d => d.Contains(ada));
        await Eventually.Until(() => Task.FromResult(two.States["test-owner-directory"]), s => s == ProjectionState.Standby);

        await one.StopAsync(CancellationToken.None);
        var grace = await Register("Grace", 1);
        var directory = await DirectoryOnceItHolds(d => d.Contains(grace));
        await two.StopAsync(CancellationToken.None);

        two.States["test-owner-directory"].Should().NotBe(ProjectionState.Faulted);
        directory.Should().Be(string.Join(',', new[] { $"{ada}:Ada:1", $"{grace}:Grace:1" }.Order(StringComparer.Ordinal)));
    }
}
