using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Owners;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Owners;

/// <summary>
/// Owners' records as event streams <c>owner-{id}</c>. Saving writes, in the append's transaction, what others read
/// without the events: the pet's name, species and archival for booking, and the account's name and phone.
/// </summary>
public sealed class PostgresOwnerRecords(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer) : IOwnerRecords
{
    private readonly WriteSideAppend append = new(dataSource, store, notifier, serializer);
    private readonly EventStreams streams = new(store, serializer);

    public static StreamName StreamOf(OwnerId id) => Application.Commands.Streams.Owner(id);

    public async Task<OwnerFile> LoadAsync(OwnerId owner, CancellationToken cancellationToken)
    {
        // What is on file first: a pet added meanwhile then also shows in the stream read after it.
        var (account, pets, clinics) = await OnFileAsync(owner, cancellationToken);
        var loaded = await streams.LoadAsync(StreamOf(owner), cancellationToken);
        return new OwnerFile(owner, loaded.Events.Select(e => (IOwnerEvent)e.Event).ToList(), loaded.Revision, account, pets, clinics);
    }

    public async Task<long> SaveAsync(
        OwnerId owner, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
        await append.AppendAsync(StreamOf(owner), expectedRevision, await append.SerializeAsync(events, metadata, cancellationToken),
            async (connection, transaction, ct) =>
            {
                try
                {
                    await WriteSideAppend.RunAsync(connection, transaction, events.Select(WriteSide).OfType<NpgsqlBatchCommand>(), ct);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && events.OfType<PetAdded>().FirstOrDefault() is { } added)
                {
                    throw new DuplicatePetException(new PetId(added.PetId));
                }
            }, cancellationToken);

    private static NpgsqlBatchCommand? WriteSide(object e) => e switch
    {
        PetAdded p => Sql.BatchCommand("insert into owners.pets (id, owner_id, name, species) values ($1, $2, $3, $4)", p.PetId, p.OwnerId, p.Name, p.Species),
        PetDetailsChanged p => Sql.BatchCommand("update owners.pets set name = $3, species = $4 where id = $1 and owner_id = $2", p.PetId, p.OwnerId, p.Name, p.Species),
        PetArchived p => Sql.BatchCommand("update owners.pets set archived_at = $3 where id = $1 and owner_id = $2", p.PetId, p.OwnerId, p.At),
        // A changed phone number is no longer confirmed; a new concurrency stamp makes a stale account write fail rather than undo this.
        ContactDetailsChanged c => Sql.BatchCommand("""
            update identity.users
               set display_name = $2, phone_number = $3, phone_number_confirmed = phone_number_confirmed and phone_number is not distinct from $3,
                   concurrency_stamp = $4
             where id = $1
            """, c.OwnerId, c.Name, c.Phone, Guid.NewGuid().ToString()),
        _ => null,
    };

    private async Task<(AccountContact?, IReadOnlyList<PetOnFile>, IReadOnlyList<ClinicId>)> OnFileAsync(OwnerId owner, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Sql.BatchCommand("select display_name, email, phone_number from identity.users where id = $1", owner.Value));
        batch.BatchCommands.Add(Sql.BatchCommand("select id, name, species from owners.pets where owner_id = $1 order by id", owner.Value));
        batch.BatchCommands.Add(Sql.BatchCommand("select clinic_id from owners.clinic_clients where owner_id = $1", owner.Value));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        AccountContact? account = null;
        if (await reader.ReadAsync(cancellationToken))
            account = new AccountContact(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        await reader.NextResultAsync(cancellationToken);
        var pets = new List<PetOnFile>();
        while (await reader.ReadAsync(cancellationToken))
            pets.Add(new PetOnFile(new PetId(reader.GetGuid(0)), reader.GetString(1), reader.GetString(2)));
        await reader.NextResultAsync(cancellationToken);
        var clinics = new List<ClinicId>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add(new ClinicId(reader.GetGuid(0)));
        return (account, pets, clinics);
    }
}
