using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Inbound;
using VetOS.Domain;

namespace VetOS.Infrastructure.Messaging;

public sealed class PostgresInboundMessages(NpgsqlDataSource dataSource) : IInboundMessages, IWhatsAppWindow
{
    public async Task<bool> SeenAsync(string messageSid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from messaging.inbound_messages where message_sid = $1)");
        command.Parameters.AddWithValue(messageSid);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task RecordAsync(InboundRecord record, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into messaging.inbound_messages (message_sid, channel, owner_ids, action, booking_id, received_at)
            values ($1, $2, $3, $4, $5, $6) on conflict do nothing
            """);
        command.Parameters.AddWithValue(record.MessageSid);
        command.Parameters.AddWithValue(record.Channel);
        command.Parameters.AddWithValue(record.Owners.ToArray());
        command.Parameters.AddWithValue(record.Action);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)record.Booking ?? DBNull.Value);
        command.Parameters.AddWithValue(record.ReceivedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PhoneOwner>> OwnersByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select u.id, coalesce(array_agg(c.clinic_id) filter (where c.clinic_id is not null), '{}')
              from identity.users u left join owners.clinic_clients c on c.owner_id = u.id
             where u.phone_number = $1
                or u.id in (select m.owner_id from messaging.messages m where m.recipient = $1 and m.channel in ('sms', 'whatsapp'))
             group by u.id
            """);
        command.Parameters.AddWithValue(phone);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var owners = new List<PhoneOwner>();
        while (await reader.ReadAsync(cancellationToken))
            owners.Add(new PhoneOwner(reader.GetGuid(0), reader.GetFieldValue<Guid[]>(1)));
        return owners;
    }

    public async Task<SentReminder?> LatestReminderAsync(string channel, string phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, clinic_id, owner_id, booking_id, appointment_start from messaging.messages
             where recipient = $1 and channel = $2 and purpose is not null and booking_id is not null
               and status in ('sent', 'delivered', 'read') and appointment_start > $3
             order by coalesce(sent_at, due_at) desc limit 1
            """);
        command.Parameters.AddWithValue(phone);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SentReminder(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    public async Task<bool> IsOpenAsync(Guid owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select exists (select 1 from messaging.inbound_messages
                            where owner_ids @> array[$1] and channel = $2 and received_at > $3 - interval '24 hours' and received_at <= $3)
            """);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(MessageChannels.WhatsApp);
        command.Parameters.AddWithValue(now);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
