using Npgsql;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Consents;

/// <summary>
/// Consent streams <c>consent-{clinic}.{owner}</c>, hash-chained, with the consent periods written in the append's
/// transaction: a grant opens a period, a withdrawal closes it, and a renewal to a newer notice closes the old one
/// as "renewed" and opens the next.
/// </summary>
public sealed class PostgresConsentLedgers(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer) : IConsentLedgers
{
    private readonly WriteSideAppend append = new(dataSource, store, notifier, serializer);
    private readonly EventStreams streams = new(store, serializer);

    public const string Renewed = "renewed";

    public static StreamName StreamOf(OwnerId owner, ClinicId clinic) => Application.Commands.Streams.Consent(owner, clinic);

    public async Task<ConsentStream> LoadAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken)
    {
        var events = (await streams.LoadAsync(StreamOf(owner, clinic), cancellationToken)).Events;
        return new ConsentStream(ConsentLedger.From(owner, clinic, events.Select(e => (IConsentEvent)e.Event)), events);
    }

    public async Task<long> SaveAsync(
        OwnerId owner, ClinicId clinic, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var stream = StreamOf(owner, clinic);
        var previous = expectedRevision < 0
            ? ConsentChain.Genesis(stream)
            : ConsentChain.HashOfStored((await store.ReadStreamAsync(stream, Direction.Backwards, expectedRevision, 1, cancellationToken)).Single());
        var data = await append.SerializeAsync(events, metadata, cancellationToken);
        for (var i = 0; i < data.Count; i++)
            (data[i], previous) = ConsentChain.Link(data[i], expectedRevision + 1 + i, previous);
        return await append.AppendAsync(stream, expectedRevision, data,
            (connection, transaction, ct) => WriteSideAppend.RunAsync(connection, transaction, events.SelectMany(Periods), ct), cancellationToken);
    }

    public async Task<ChainReport> VerifyAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken)
    {
        var stream = StreamOf(owner, clinic);
        return ConsentChain.Verify(stream, await store.ReadStreamAsync(stream, cancellationToken));
    }

    private const string Close = """
        update consent.periods set withdrawn_at = $5, withdrawn_source = $6, withdrawn_by = $7
         where owner_id = $1 and clinic_id = $2 and purpose = $3 and channel = $4 and withdrawn_at is null
        """;

    // A grant in the same instant as the period it follows (the clock's resolution) reopens that period, now empty, instead of colliding with it.
    internal static IEnumerable<NpgsqlBatchCommand> Periods(object e) => e switch
    {
        ConsentGranted g =>
        [
            Sql.BatchCommand(Close, g.OwnerId, g.ClinicId, g.Purpose, g.Channel, g.At, Renewed, g.By),
            Sql.BatchCommand("""
                insert into consent.periods (owner_id, clinic_id, purpose, channel, granted_at, notice_version, granted_source, granted_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                on conflict (owner_id, clinic_id, purpose, channel, granted_at) do update
                   set notice_version = excluded.notice_version, granted_source = excluded.granted_source, granted_by = excluded.granted_by,
                       withdrawn_at = null, withdrawn_source = null, withdrawn_by = null
                """, g.OwnerId, g.ClinicId, g.Purpose, g.Channel, g.At, g.NoticeVersion, g.Source, g.By),
        ],
        ConsentWithdrawn w => [Sql.BatchCommand(Close, w.OwnerId, w.ClinicId, w.Purpose, w.Channel, w.At, w.Source, w.By)],
        _ => [],
    };
}
