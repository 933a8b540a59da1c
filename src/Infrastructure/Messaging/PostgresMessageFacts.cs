using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Domain.Messaging;

namespace VetOS.Infrastructure.Messaging;

/// <summary>The clinic's card and reminder policy, the owner's addresses and preferred channel, the pet's and the type's names.</summary>
public sealed class PostgresMessageFacts(NpgsqlDataSource dataSource, IOwnerRecords owners) : IMessageFacts
{
    public async Task<ClinicMessaging?> ClinicAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.name, c.address, c.contact_email, c.contact_phone, c.time_zone, c.reminder_offsets, c.quiet_hours_start, c.quiet_hours_end,
                   coalesce((select p.channels from consent.purposes p where p.clinic_id = c.id and p.purpose = $2), '{}')
              from clinic.clinics c where c.id = $1
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(ConsentPurpose.AppointmentReminders);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reader.GetString(4));
        var card = new ClinicCard(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), zone);
        var policy = new ReminderPolicy(reader.GetFieldValue<TimeSpan[]>(5), reader.GetFieldValue<TimeOnly>(6), reader.GetFieldValue<TimeOnly>(7));
        return new ClinicMessaging(clinic, card, policy, reader.GetFieldValue<string[]>(8));
    }

    public async Task<OwnerContact?> OwnerAsync(Guid owner, CancellationToken cancellationToken)
    {
        var file = await owners.LoadAsync(new OwnerId(owner), cancellationToken);
        if (file.Account is not { } account)
            return null;
        var contact = file.State.Contact;
        // After an erasure sealed fields read as a placeholder: only a real address or number is one.
        var email = account.Email is { } e && e.Contains('@', StringComparison.Ordinal) ? e : null;
        var phone = new[] { contact?.Phone, account.Phone }.FirstOrDefault(p => p is { Length: > 1 } && p[0] == '+');
        return new OwnerContact(owner, email, phone, contact?.PreferredChannel ?? MessageChannels.Email);
    }

    public async Task<(string Pet, string Type)> NamesAsync(Guid pet, Guid appointmentType, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select coalesce((select name from owners.pets where id = $1), ''), coalesce((select name from clinic.appointment_types where id = $2), '')
            """);
        command.Parameters.AddWithValue(pet);
        command.Parameters.AddWithValue(appointmentType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetString(1));
    }
}
