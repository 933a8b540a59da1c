using VetOS.Application.EventStore;
using VetOS.TestSupport;

namespace VetOS.Infrastructure.Tests.EventStore;

public sealed class PostgresEventStoreTests(EventStoreDatabase database) : EventStoreConformance, IClassFixture<EventStoreDatabase>
{
    protected override IEventStore Store => database.Store;
}
