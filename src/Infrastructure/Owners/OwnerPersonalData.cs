using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.Owners;

/// <summary>
/// The owner's record: contact details and pets, and their change history (the <c>owner-{id}</c> stream). Erasure ends
/// the owner's being a client of the clinic; when they are nobody's client, the pets booking knew by name go too, and
/// the stream's personal fields are shredded with the owner's key.
/// </summary>
public sealed class OwnerPersonalData(NpgsqlDataSource dataSource, IEventStreams streams) : IPersonalDataHolder
{
    public string Section => "owner-record";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var pets = await Rows.ReadAsync(dataSource, "select id, name, species, archived_at from owners.pets where owner_id = $1 order by id",
            cancellationToken, subject.Owner.Value);
        var history = await ExportedEvents.OfAsync(streams, PostgresOwnerRecords.StreamOf(subject.Owner), cancellationToken);
        return new { pets, history };
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from owners.clinic_clients where owner_id = $1 and clinic_id = $2")
            { Parameters = { new() { Value = subject.Owner.Value }, new() { Value = subject.Clinic.Value } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            delete from owners.pets where owner_id = $1 and not exists (select from owners.clinic_clients c where c.owner_id = $1)
            """) { Parameters = { new() { Value = subject.Owner.Value } } });
        var removed = await batch.ExecuteNonQueryAsync(cancellationToken);
        var stillClient = (await Rows.ReadAsync(dataSource, "select 1 from owners.clinic_clients where owner_id = $1", cancellationToken, subject.Owner.Value)).Count > 0;
        return new(Section, removed, stillClient
            ? [new KeptRecords("contact details, pets and their history", "the owner is a client of another clinic too, which holds them as well",
                DateOnly.FromDateTime(rules.Now.UtcDateTime))]
            : []);
    }
}
