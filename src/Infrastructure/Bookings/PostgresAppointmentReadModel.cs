using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Bookings;

/// <summary>Queries over the appointments projection, with the names people read joined in.</summary>
public sealed class PostgresAppointmentReadModel(NpgsqlDataSource dataSource) : IAppointmentReadModel
{
    private const string Select = """
        select a.id, a.clinic_id, c.name, a.owner_id, a.pet_id, coalesce(p.name, ''), coalesce(p.species, ''),
               a.appointment_type_id, coalesce(t.name, ''), a.resource_id, coalesce(r.name, ''),
               a.starts_at, a.ends_at, a.status, a.revision, a.changed_at, a.changed_by
          from booking.appointments a
          join clinic.clinics c on c.id = a.clinic_id
          left join owners.pets p on p.id = a.pet_id
          left join clinic.appointment_types t on t.id = a.appointment_type_id
          left join clinic.resources r on r.id = a.resource_id
        """;

    public Task<IReadOnlyList<AppointmentView>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken) =>
        Query($"{Select} where a.owner_id = $1 order by a.starts_at", cancellationToken, owner.Value);

    public Task<IReadOnlyList<AppointmentView>> ForClinicDayAsync(ClinicId clinic, TimeSlot day, CancellationToken cancellationToken) =>
        Query($"{Select} where a.clinic_id = $1 and a.starts_at < $3 and a.ends_at > $2 order by a.starts_at", cancellationToken, clinic.Value, day.Start, day.End);

    private async Task<IReadOnlyList<AppointmentView>> Query(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Sql.Command(dataSource, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new List<AppointmentView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(new AppointmentView(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.GetGuid(4), reader.GetString(5), reader.GetString(6),
                reader.GetGuid(7), reader.GetString(8), reader.GetGuid(9), reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetString(13), reader.GetInt64(14),
                reader.GetFieldValue<DateTimeOffset>(15), reader.GetString(16)));
        }
        return views;
    }
}
