using Npgsql;
using VetOS.Application.Clinics;
using VetOS.Domain;
using VetOS.Domain.Clinics;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Clinics;

/// <summary>Writes a clinic's setup tables. Every statement is scoped to the clinic, so one clinic's admin never touches another's rows.</summary>
public sealed class PostgresClinicSetup(NpgsqlDataSource dataSource, CachedClinicRules rules) : IClinicSetup
{
    public async Task<bool> SetBookingPolicyAsync(ClinicId clinic, BookingPolicy policy, CancellationToken cancellationToken) =>
        Changed(clinic, await Execute(null, """
            update clinic.clinics set minimum_lead_time = $2, buffer = $3, booking_horizon = $4, cancellation_window = $5 where id = $1
            """, cancellationToken, clinic.Value, policy.MinimumLeadTime, policy.Buffer, policy.BookingHorizon, policy.CancellationWindow) == 1);

    public async Task<bool> SetOpeningHoursAsync(ClinicId clinic, IReadOnlyList<OpeningPeriod> hours, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockClinic(transaction, clinic, cancellationToken))
            return false;
        await Execute(transaction, "delete from clinic.opening_hours where clinic_id = $1", cancellationToken, clinic.Value);
        foreach (var period in hours)
            await Execute(transaction, "insert into clinic.opening_hours (clinic_id, weekday, opens, closes) values ($1, $2, $3, $4)",
                cancellationToken, clinic.Value, (int)period.Day, period.Opens, period.Closes);
        await transaction.CommitAsync(cancellationToken);
        return Changed(clinic, true);
    }

    public async Task<bool> AddBlockedTimeAsync(ClinicId clinic, Guid id, BlockedTime blocked, CancellationToken cancellationToken) =>
        Changed(clinic, await Execute(null, """
            insert into clinic.blocked_times (id, clinic_id, resource_id, starts_at, ends_at, reason)
            select $1, c.id, $3, $4, $5, $6 from clinic.clinics c
             where c.id = $2 and ($3::uuid is null or exists (select 1 from clinic.resources r where r.id = $3 and r.clinic_id = c.id))
            """, cancellationToken, id, clinic.Value, blocked.Resource?.Value, blocked.Slot.Start, blocked.Slot.End, blocked.Reason) == 1);

    public async Task<bool> RemoveBlockedTimeAsync(ClinicId clinic, Guid id, CancellationToken cancellationToken) =>
        Changed(clinic, await Execute(null, "delete from clinic.blocked_times where id = $1 and clinic_id = $2", cancellationToken, id, clinic.Value) == 1);

    public async Task<bool> SaveResourceAsync(ClinicId clinic, Resource resource, CancellationToken cancellationToken) =>
        Changed(clinic, await Execute(null, """
            insert into clinic.resources (id, clinic_id, name, kind) select $1, id, $3, $4 from clinic.clinics where id = $2
            on conflict (id) do update set name = excluded.name, kind = excluded.kind where clinic.resources.clinic_id = excluded.clinic_id
            """, cancellationToken, resource.Id.Value, clinic.Value, resource.Name, resource.Kind) == 1);

    public async Task<bool> SaveAppointmentTypeAsync(ClinicId clinic, AppointmentType type, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var saved = await Execute(transaction, """
            insert into clinic.appointment_types (id, clinic_id, name, duration, species, owners_may_book_directly)
            select $1, id, $3, $4, $5, $6 from clinic.clinics where id = $2
            on conflict (id) do update set name = excluded.name, duration = excluded.duration, species = excluded.species,
                owners_may_book_directly = excluded.owners_may_book_directly
             where clinic.appointment_types.clinic_id = excluded.clinic_id
            """, cancellationToken, type.Id.Value, clinic.Value, type.Name, type.Duration, type.Species.ToArray(), type.OwnersMayBookDirectly);
        if (saved != 1)
            return false;
        await Execute(transaction, "delete from clinic.appointment_type_resources where appointment_type_id = $1", cancellationToken, type.Id.Value);
        var linked = await Execute(transaction, """
            insert into clinic.appointment_type_resources (appointment_type_id, resource_id)
            select $1, id from clinic.resources where clinic_id = $2 and id = any($3)
            """, cancellationToken, type.Id.Value, clinic.Value, type.Resources.Select(r => r.Value).ToArray());
        if (linked != type.Resources.Count)
            return false; // a resource of another clinic, or none at all: the transaction is rolled back
        await transaction.CommitAsync(cancellationToken);
        return Changed(clinic, true);
    }

    private bool Changed(ClinicId clinic, bool changed)
    {
        if (changed)
            rules.Forget(clinic);
        return changed;
    }

    private async Task<int> Execute(NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = transaction is null
            ? Sql.Command(dataSource, sql, parameters)
            : Sql.Command(transaction.Connection!, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether the clinic exists, locking it so that concurrent edits of its hours take turns.</summary>
    private static async Task<bool> LockClinic(NpgsqlTransaction transaction, ClinicId clinic, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select 1 from clinic.clinics where id = $1 for update", transaction.Connection, transaction);
        command.Parameters.AddWithValue(clinic.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
