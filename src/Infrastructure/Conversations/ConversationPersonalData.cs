using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Conversations;

/// <summary>The owner's conversation with the clinic: every message either side wrote, and when staff read the owner's. Erasure deletes it.</summary>
public sealed class ConversationPersonalData(NpgsqlDataSource dataSource) : IPersonalDataHolder
{
    public string Section => "conversation";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var messages = await Rows.ReadAsync(dataSource, """
            select id, written_by, staff_id, body, about_pet, about_appointment, written_at, read_by_clinic_at
              from conversations.messages where owner_id = $1 and clinic_id = $2 order by written_at, id
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        return messages.Count == 0 ? null : messages;
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var table in new[] { "messages", "threads" })
            batch.BatchCommands.Add(Sql.BatchCommand($"delete from conversations.{table} where owner_id = $1 and clinic_id = $2",
                subject.Owner.Value, subject.Clinic.Value));
        return new(Section, await batch.ExecuteNonQueryAsync(cancellationToken), []);
    }
}
