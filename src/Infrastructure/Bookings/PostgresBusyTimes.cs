using Npgsql;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Infrastructure.Bookings;

/// <summary>Busy times come from the slot holds, which commit with the bookings: free-slot search is never behind.</summary>
public sealed class PostgresBusyTimes(NpgsqlDataSource dataSource) : IBusyTimes
{
    public async Task<IReadOnlyList<BusyTime>> ForClinicAsync(ClinicId clinic, TimeSlot within, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select resource_id, lower(held), upper(held) from booking.slot_holds where clinic_id = $1 and held && tstzrange($2, $3)");
        command.Parameters.AddWithValue(clinic.Value);
        command.Parameters.AddWithValue(within.Start);
        command.Parameters.AddWithValue(within.End);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var busy = new List<BusyTime>();
        while (await reader.ReadAsync(cancellationToken))
            busy.Add(new BusyTime(new ResourceId(reader.GetGuid(0)), new TimeSlot(reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2))));
        return busy;
    }
}
