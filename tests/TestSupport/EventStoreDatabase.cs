using Microsoft.Extensions.Logging.Abstractions;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.TestSupport;

/// <summary>A test database with the PostgreSQL event store and key store on it.</summary>
public class EventStoreDatabase : TestDatabase
{
    public EventStoreNotifier Notifier { get; private set; } = null!;
    public PostgresEventStore Store { get; private set; } = null!;
    public PostgresPersonalDataKeys Keys { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Notifier = new EventStoreNotifier(DataSource, NullLogger<EventStoreNotifier>.Instance);
        Store = new PostgresEventStore(DataSource, Notifier);
        Keys = new PostgresPersonalDataKeys(DataSource);
    }

    public override async Task DisposeAsync()
    {
        await Notifier.DisposeAsync();
        await base.DisposeAsync();
    }
}
