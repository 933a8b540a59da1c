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
/// </summary>
public sealed class PostgresErasureScan(NpgsqlDataSource dataSource, IEventStore store, EventSerializer serializer, TimeProvider clock) : IErasureScan
{
    private const int Page = 1000;

    /// <summary>Events as text with characters as they are (by default é would be written \u00E9 and escape the search).</summary>
    private static readonly JsonSerializerOptions Unescaped = new(EventSerializer.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<ErasureScanReport> ScanAsync(IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken)
    {
        var hits = new List<ScanHit>();
        var columns = await TextColumnsAsync(cancellationToken);
        long rows = 0;
        if (terms.Count > 0)
        {
            foreach (var table in columns.GroupBy(c => (c.Schema, c.Table)))
                rows += await ScanTableAsync(table.Key.Schema, table.Key.Table, table.ToList(), terms, hits, cancellationToken);
        }
        var events = await ScanEventsAsync(terms, hits, cancellationToken);
        return new(clock.GetUtcNow(), terms.Select(t => t.Kind).ToList(), columns.Select(c => (c.Schema, c.Table)).Distinct().Count(), columns.Count,
            rows, events, hits);
    }

    private async Task<long> ScanTableAsync(
        string schema, string table, IReadOnlyList<TextColumn> columns, IReadOnlyList<SearchTerm> terms, List<ScanHit> hits, CancellationToken cancellationToken)
    {
        var counts = new StringBuilder("count(*)");
        foreach (var column in columns)
            for (var t = 0; t < terms.Count; t++)
                counts.Append($", count(*) filter (where {column.AsText} ilike ${t + 1})");
        await using var command = dataSource.CreateCommand($"select {counts} from {Quote(schema)}.{Quote(table)}");
        foreach (var term in terms)
            command.Parameters.AddWithValue($"%{Escape(term.Value)}%");
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

    private async Task<long> ScanEventsAsync(IReadOnlyList<SearchTerm> terms, List<ScanHit> hits, CancellationToken cancellationToken)
    {
        long scanned = 0;
        var found = new Dictionary<(string Stream, string Kind), long>();
        var after = Position.Start;
        while (true)
        {
            var page = await store.ReadAllAsync(after, Page, cancellationToken: cancellationToken);
            if (page.Count == 0)
                break;
            foreach (var stored in await serializer.DeserializeAsync(page, cancellationToken))
            {
                var text = JsonSerializer.Serialize(stored.Event, stored.Event.GetType(), Unescaped)
                    + JsonSerializer.Serialize(stored.Metadata, Unescaped);
                foreach (var term in terms.Where(t => text.Contains(t.Value, StringComparison.OrdinalIgnoreCase)))
                    found[(stored.Stream.Value, term.Kind)] = found.GetValueOrDefault((stored.Stream.Value, term.Kind)) + 1;
            }
            scanned += page.Count;
            after = page[^1].Position;
        }
        hits.AddRange(found.Select(f => new ScanHit($"events of stream {f.Key.Stream}", f.Key.Kind, f.Value)));
        return scanned;
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
