using Npgsql;
using VetOS.Application.Owners;
using VetOS.Domain;

namespace VetOS.Infrastructure.Owners;

/// <summary>Finds a clinic's clients by their accounts' name, email address or phone number.</summary>
public sealed class PostgresClientDirectory(NpgsqlDataSource dataSource) : IClientDirectory
{
    public async Task<IReadOnlyList<ClientSummary>> FindAsync(ClinicId clinic, string text, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select u.id, u.display_name, u.email, u.phone_number
              from owners.clinic_clients c join identity.users u on u.id = c.owner_id
             where c.clinic_id = $1
               and (u.display_name ilike $2 or u.email ilike $2 or ($3 <> '' and u.phone_number like $3))
             order by u.display_name, u.id
             limit $4
            """);
        command.Parameters.AddWithValue(clinic.Value);
        command.Parameters.AddWithValue($"%{Escape(text)}%");
        command.Parameters.AddWithValue(PhonePattern(text));
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<ClientSummary>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new ClientSummary(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return found;
    }

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>Phones are stored as E.164 (+447700900123): match the digits, without a national leading 0 (07700 900123).</summary>
    private static string PhonePattern(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        return digits.Length >= 3 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') ? $"%{digits}%" : "";
    }
}
