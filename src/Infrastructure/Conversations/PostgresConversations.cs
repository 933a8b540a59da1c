using Npgsql;
using VetOS.Application.Commands;
using VetOS.Application.Conversations;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Conversations;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Conversations;

/// <summary>Conversation streams <c>conversation-{clinic}.{owner}</c>, with <c>conversations.threads</c> and <c>.messages</c> written in the append's transaction.</summary>
public sealed class PostgresConversations(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer) : IConversations
{
    private readonly WriteSideAppend append = new(dataSource, store, notifier, serializer);

    public async Task<long> AppendAsync(
        OwnerId owner, ClinicId clinic, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
        await append.AppendAsync(Streams.Conversation(owner, clinic), expectedRevision, await append.SerializeAsync(events, metadata, cancellationToken),
            (connection, transaction, ct) => WriteSideAppend.RunAsync(connection, transaction, events.SelectMany(e => WriteSide((IConversationEvent)e)), ct),
            cancellationToken);

    private static IEnumerable<NpgsqlBatchCommand> WriteSide(IConversationEvent e) => e switch
    {
        OwnerWrote w =>
        [
            Sql.BatchCommand("""
                insert into conversations.threads (clinic_id, owner_id, awaiting_since, last_message_at, last_from) values ($1, $2, $3, $3, 'owner')
                on conflict (clinic_id, owner_id) do update
                   set awaiting_since = coalesce(conversations.threads.awaiting_since, excluded.awaiting_since),
                       last_message_at = excluded.last_message_at, last_from = 'owner'
                """, w.ClinicId, w.OwnerId, w.At),
            Sql.BatchCommand("""
                insert into conversations.messages (id, clinic_id, owner_id, written_by, body, about_pet, about_appointment, written_at)
                values ($1, $2, $3, 'owner', $4, $5, $6, $7)
                """, w.MessageId, w.ClinicId, w.OwnerId, w.Body, w.AboutPet, w.AboutAppointment, w.At),
        ],
        ClinicWrote w =>
        [
            Sql.BatchCommand("""
                insert into conversations.threads (clinic_id, owner_id, awaiting_since, last_message_at, last_from) values ($1, $2, null, $3, 'clinic')
                on conflict (clinic_id, owner_id) do update set awaiting_since = null, last_message_at = excluded.last_message_at, last_from = 'clinic'
                """, w.ClinicId, w.OwnerId, w.At),
            Sql.BatchCommand("""
                insert into conversations.messages (id, clinic_id, owner_id, written_by, staff_id, body, written_at) values ($1, $2, $3, 'clinic', $4, $5, $6)
                """, w.MessageId, w.ClinicId, w.OwnerId, w.StaffId, w.Body, w.At),
        ],
        ReadByClinic r =>
        [
            Sql.BatchCommand("""
                update conversations.messages set read_by_clinic_at = $4
                 where clinic_id = $1 and owner_id = $2 and written_by = 'owner' and read_by_clinic_at is null
                   and written_at <= (select written_at from conversations.messages where id = $3)
                """, r.ClinicId, r.OwnerId, r.UpTo, r.At),
        ],
        ConversationSettled s => [Sql.BatchCommand("update conversations.threads set awaiting_since = null where clinic_id = $1 and owner_id = $2", s.ClinicId, s.OwnerId)],
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a conversation event."),
    };

    public async Task<ConversationThread> ThreadAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Sql.BatchCommand("select awaiting_since from conversations.threads where clinic_id = $1 and owner_id = $2", clinic.Value, owner.Value));
        batch.BatchCommands.Add(Sql.BatchCommand("""
            select id, written_by, staff_id, body, about_pet, about_appointment, written_at, read_by_clinic_at
              from conversations.messages where clinic_id = $1 and owner_id = $2 order by written_at, id
            """, clinic.Value, owner.Value));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var awaitingSince = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateTimeOffset>(0) : (DateTimeOffset?)null;
        await reader.NextResultAsync(cancellationToken);
        var messages = new List<ConversationMessage>();
        while (await reader.ReadAsync(cancellationToken))
            messages.Add(new(reader.GetGuid(0), reader.GetString(1), NullableGuid(reader, 2), reader.GetString(3), NullableGuid(reader, 4), NullableGuid(reader, 5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        return new(clinic.Value, owner.Value, awaitingSince, messages);
    }

    public async Task<ConversationInbox> InboxAsync(ClinicId clinic, int limit, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Sql.BatchCommand("select count(*)::int from conversations.threads where clinic_id = $1 and awaiting_since is not null", clinic.Value));
        batch.BatchCommands.Add(Sql.BatchCommand("""
            select t.owner_id, coalesce(u.display_name, ''), t.awaiting_since, t.last_message_at,
                   (select count(*)::int from conversations.messages m
                     where m.clinic_id = t.clinic_id and m.owner_id = t.owner_id and m.written_by = 'owner' and m.read_by_clinic_at is null)
              from conversations.threads t left join identity.users u on u.id = t.owner_id
             where t.clinic_id = $1 and t.awaiting_since is not null
             order by t.awaiting_since, t.owner_id
             limit $2
            """, clinic.Value, limit));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var awaiting = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<InboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4)));
        return new(clinic.Value, awaiting, entries);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(dataSource,
            "select clinic_id, last_message_at, last_from, awaiting_since from conversations.threads where owner_id = $1 order by last_message_at desc",
            owner.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<ConversationSummary>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        return found;
    }

    private static Guid? NullableGuid(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetGuid(i);
}
