using System.Text;
using System.Text.Json;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.PersonalData;

/// <summary>
/// The proof of an erasure: counts, in every text, character, JSON and text-array column of every table in every
/// schema (JSON compared as decoded text, so escapes hide nothing), and in every event as the store returns it
/// (personal fields opened where a key remains), the rows that contain any of the owner's details, case-insensitively.
/// Scoped to one clinic, it leaves out rows and events of other clinics, and reports apart what the account and its
/// record (the <c>identity</c> and <c>owners</c> schemas, events of no clinic) still hold for them.
/// </summary>
public sealed class PostgresErasureScan(NpgsqlDataSource dataSource, IEventStore store, EventSerializer serializer, TimeProvider clock) : IErasureScan
{
    private const int Page = 1000;

    /// <summary>Events as text with characters as they are (by default é would be written \u00E9 and escape the search).</summary>
    private static readonly JsonSerializerOptions Unescaped = new(EventSerializer.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] AccountSchemas = ["identity", "owners"];

    public async Task<ErasureScanReport> ScanAsync(IReadOnlyList<SearchTerm> terms, ErasureScope? scope, CancellationToken cancellationToken)
    {
        var hits = new List<ScanHit>();
        var held = new List<ScanHit>();
        var columns = await TextColumnsAsync(cancellationToken);
        var clinicTables = scope is null ? [] : await TablesWithClinicAsync(cancellationToken);
        long rows = 0;
        if (terms.Count > 0)
        {
            foreach (var table in columns.GroupBy(c => (c.Schema, c.Table)))
            {
                var into = scope is { AccountKept: true } && AccountSchemas.Contains(table.Key.Schema) ? held : hits;
                var onlyClinic = clinicTables.Contains(table.Key) ? scope!.Clinic : (Guid?)null;
                rows += await ScanTableAsync(table.Key.Schema, table.Key.Table, table.ToList(), terms, onlyClinic, into, cancellationToken);
            }
        }
        var events = await ScanEventsAsync(terms, scope, hits, held, cancellationToken);
        return new(clock.GetUtcNow(), terms.Select(t => t.Kind).ToList(), columns.Select(c => (c.Schema, c.Table)).Distinct().Count(), columns.Count,
            rows, events, hits, held);
    }

    private async Task<long> ScanTableAsync(
        string schema, string table, IReadOnlyList<TextColumn> columns, IReadOnlyList<SearchTerm> terms, Guid? onlyClinic, List<ScanHit> hits,
        CancellationToken cancellationToken)
    {
        var counts = new StringBuilder("count(*)");
        foreach (var column in columns)
            for (var t = 0; t < terms.Count; t++)
                counts.Append($", count(*) filter (where {column.AsText} ilike ${t + 1})");
        var rowsOfClinic = onlyClinic is null ? "" : $" where clinic_id is null or clinic_id = ${terms.Count + 1}";
        await using var command = dataSource.CreateCommand($"select {counts} from {Quote(schema)}.{Quote(table)}{rowsOfClinic}");
        foreach (var term in terms)
            command.Parameters.AddWithValue($"%{Escape(term.Value)}%");
        if (onlyClinic is { } clinic)
            command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var i = 1;
        foreach (var column in columns)
            foreach (var term in terms)
            {
                var count = reader.GetInt64(i++);
                if (count > 0)
                    hits.Add(new ScanHit($"{schema}.{table}.{column.Name}", term.Kind, count));
            }
        return reader.GetInt64(0);
    }

    private async Task<long> ScanEventsAsync(
        IReadOnlyList<SearchTerm> terms, ErasureScope? scope, List<ScanHit> hits, List<ScanHit> held, CancellationToken cancellationToken)
    {
        long scanned = 0;
        var found = new Dictionary<(string Stream, string Kind), long>();
        var foundHeld = new Dictionary<(string Stream, string Kind), long>();
        var after = Position.Start;
        while (true)
        {
            var page = await store.ReadAllAsync(after, Page, cancellationToken: cancellationToken);
            if (page.Count == 0)
                break;
            foreach (var stored in await serializer.DeserializeAsync(page, cancellationToken))
            {
                var node = JsonSerializer.SerializeToNode(stored.Event, stored.Event.GetType(), Unescaped)!;
                var shape = serializer.Registry.For(stored.Event.GetType());
                var clinic = shape.ControllerField is { } field ? Id(node[field]) : null;
                if (scope is not null && clinic is not null && clinic != scope.Clinic.ToString())
                    continue; // another clinic's
                var into = scope is { AccountKept: true } && clinic is null && shape.SubjectField is { } subject
                    && Id(node[subject]) == scope.Owner.ToString() ? foundHeld : found;
                var text = node.ToJsonString(Unescaped) + JsonSerializer.Serialize(stored.Metadata, Unescaped);
                foreach (var term in terms.Where(t => text.Contains(t.Value, StringComparison.OrdinalIgnoreCase)))
                    into[(stored.Stream.Value, term.Kind)] = into.GetValueOrDefault((stored.Stream.Value, term.Kind)) + 1;
            }
            scanned += page.Count;
            after = page[^1].Position;
        }
        hits.AddRange(found.Select(f => new ScanHit($"events of stream {f.Key.Stream}", f.Key.Kind, f.Value)));
        held.AddRange(foundHeld.Select(f => new ScanHit($"events of stream {f.Key.Stream}", f.Key.Kind, f.Value)));
        return scanned;
    }

    private static string? Id(System.Text.Json.Nodes.JsonNode? value) => value?.ToJsonString().Trim('"');

    private async Task<HashSet<(string Schema, string Table)>> TablesWithClinicAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select table_schema, table_name from information_schema.columns where column_name = 'clinic_id' and udt_name = 'uuid'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new HashSet<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
            tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }


    private async Task<List<TextColumn>> TextColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.table_schema, c.table_name, c.column_name, c.udt_name
              from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
             where t.table_type = 'BASE TABLE'
               and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\_%'
               and c.udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar', 'citext')
             order by c.table_schema, c.table_name, c.ordinal_position
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<TextColumn>();
        while (await reader.ReadAsync(cancellationToken))
            columns.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return columns;
    }

    private sealed record TextColumn(string Schema, string Table, string Name, string Type)
    {
        /// <summary>JSON as decoded text (jsonb prints characters, not escapes); arrays and text as they are.</summary>
        public string AsText => Type switch
        {
            "json" => $"{Quote(Name)}::jsonb::text",
            "jsonb" or "_text" or "_varchar" => $"{Quote(Name)}::text",
            _ => Quote(Name),
        };
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
