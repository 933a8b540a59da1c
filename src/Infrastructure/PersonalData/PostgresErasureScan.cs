using System.Text;
using System.Text.Json;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.PersonalData;

/// <summary>
/// The proof of an erasure: counts, in every text, character, JSON, text-array and bytea column of every table in every
/// schema (JSON compared as decoded text, so escapes hide nothing; bytea as escaped text, which any bytes make), and in
/// every event as the store returns it (personal fields opened where a key remains), the rows that contain any of the
/// owner's details, case-insensitively, and names up to five of them by key. Scoped to one clinic, it leaves out rows
/// and events of other clinics, and reports apart what the account and its record (the <c>identity</c> and
/// <c>owners</c> schemas, events of no clinic) still hold for them.
/// </summary>
public sealed class PostgresErasureScan(NpgsqlDataSource dataSource, EventSerializer serializer, TimeProvider clock) : IErasureScan
{
    private const int Page = 1000;
    private const int RowsNamed = 5;

    /// <summary>Events as text with characters as they are (by default é would be written \u00E9 and escape the search).</summary>
    private static readonly JsonSerializerOptions Unescaped = new(EventSerializer.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] AccountSchemas = ["identity", "owners"];

    public async Task<ErasureScanReport> ScanAsync(IReadOnlyList<SearchTerm> terms, ErasureScope? scope, CancellationToken cancellationToken)
    {
        var hits = new List<ScanHit>();
        var held = new List<ScanHit>();
        var columns = await ScannedColumnsAsync(cancellationToken);
        var keys = await PrimaryKeysAsync(cancellationToken);
        var clinicTables = scope is null ? [] : await TablesWithClinicAsync(cancellationToken);
        long rows = 0;
        if (terms.Count > 0)
        {
            foreach (var group in columns.GroupBy(c => (c.Schema, c.Table)))
            {
                var into = scope is { AccountKept: true } && AccountSchemas.Contains(group.Key.Schema) ? held : hits;
                var table = new ScannedTable(group.Key.Schema, group.Key.Table, group.ToList(), keys.GetValueOrDefault(group.Key) ?? [],
                    clinicTables.Contains(group.Key) ? scope!.Clinic : null);
                rows += await ScanTableAsync(table, terms, into, cancellationToken);
            }
        }
        var storedTextHolds = hits.Concat(held).Any(h => h.Place.StartsWith("event_store.events.", StringComparison.Ordinal));
        var events = await ScanEventsAsync(terms, scope, storedTextHolds, hits, held, cancellationToken);
        return new(clock.GetUtcNow(), terms.Select(t => t.Kind).Distinct().ToList(), columns.Select(c => (c.Schema, c.Table)).Distinct().Count(),
            columns.Count, rows, events, hits, held);
    }

    private async Task<long> ScanTableAsync(ScannedTable table, IReadOnlyList<SearchTerm> terms, List<ScanHit> hits, CancellationToken cancellationToken)
    {
        // Each column is lowered (and decoded, for JSON and bytea) once per row in the inner select, which "offset 0"
        // keeps from being merged into the outer one, where that work would be repeated for every term.
        var lowered = string.Join(", ", table.Columns.Select((column, c) => $"{column.Lowered} as c{c}"));
        var counts = new StringBuilder("count(*)");
        for (var c = 0; c < table.Columns.Count; c++)
            for (var t = 0; t < terms.Count; t++)
                counts.Append($", count(*) filter (where {table.Columns[c].Holds($"c{c}", t, terms.Count)})");
        var found = new List<(ScannedColumn Column, SearchTerm Term, long Count)>();
        long rows;
        await using (var command = Command(
            $"select {counts} from (select {lowered} from {table.Name} where {table.OfClinic(terms.Count)} offset 0) as lowered", terms, table.Clinic))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            rows = reader.GetInt64(0);
            var i = 1;
            foreach (var column in table.Columns)
                foreach (var term in terms)
                    if (reader.GetInt64(i++) is > 0 and var count)
                        found.Add((column, term, count));
        }
        foreach (var (column, term, count) in found)
            hits.Add(new ScanHit($"{table.Schema}.{table.Table}.{column.Name}", term.Kind, count, await RowKeysAsync(table, column, term, terms, cancellationToken)));
        return rows;
    }

    /// <summary>The keys of the first rows that hold <paramref name="term"/>: a key that holds any detail itself would put it in the report, so its ctid stands in.</summary>
    private async Task<IReadOnlyList<string>> RowKeysAsync(
        ScannedTable table, ScannedColumn column, SearchTerm term, IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken)
    {
        var key = table.Keys.Count == 0 ? "null" : $"({string.Join(", ", table.Keys.Select(Quote))})";
        await using var command = Command(
            $"select {key}::text, ctid::text from {table.Name} where {column.Holds(column.Lowered, 0, 1)} and {table.OfClinic(1)} limit {RowsNamed}", [term], table.Clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(reader.IsDBNull(0) || terms.Any(t => reader.GetString(0).Contains(t.Value, StringComparison.OrdinalIgnoreCase))
                ? $"ctid {reader.GetString(1)}"
                : reader.GetString(0));
        return keys;
    }

    /// <summary>Parameters: each term as text ($1…), then in bytea's escape form, then the clinic.</summary>
    private NpgsqlCommand Command(string sql, IReadOnlyList<SearchTerm> terms, Guid? clinic)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var term in terms)
            command.Parameters.AddWithValue(term.Value);
        foreach (var term in terms)
            command.Parameters.AddWithValue(AsEscapedBytes(term.Value));
        command.Parameters.AddWithValue(clinic ?? Guid.Empty);
        return command;
    }

    /// <summary>
    /// Every event as the store returns it, searched in .NET; but only the events that may hold a term are read and
    /// opened there. An event's stored text (data and metadata, JSON decoded) is what the table pass searched in
    /// <c>event_store.events</c>, so only when it found something there are events read for their text
    /// (<paramref name="storedTextHolds"/>). Otherwise an event can only hold a term in a sealed field whose key remains:
    /// with the key gone, the field reads <see cref="PersonalDataCipher.Erased"/>, and the rest is the stored text.
    /// </summary>
    private async Task<long> ScanEventsAsync(IReadOnlyList<SearchTerm> terms, ErasureScope? scope, bool storedTextHolds,
        List<ScanHit> hits, List<ScanHit> held, CancellationToken cancellationToken)
    {
        long scanned;
        await using (var count = dataSource.CreateCommand("select count(*) from event_store.events"))
            scanned = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (terms.Count == 0)
            return scanned;
        var found = new Dictionary<(string Stream, string Kind), List<long>>();
        var foundHeld = new Dictionary<(string Stream, string Kind), List<long>>();
        var page = new List<RecordedEvent>(Page);
        var erasedHolds = terms.Any(t => PersonalDataCipher.Erased.Contains(t.Value, StringComparison.OrdinalIgnoreCase));
        await using (var command = Command(EventsThatMayHoldSql(terms.Count, storedTextHolds, erasedHolds), terms, null))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(new RecordedEvent(
                    reader.GetGuid(0), new StreamName(reader.GetString(1)), reader.GetInt64(2),
                    new Position((ulong)reader.GetInt64(3), (ulong)reader.GetInt64(4)), reader.GetString(5),
                    Encoding.UTF8.GetBytes(reader.GetString(6)), Encoding.UTF8.GetBytes(reader.GetString(7)), reader.GetFieldValue<DateTimeOffset>(8)));
                if (page.Count == Page)
                {
                    await SearchEventsAsync(page, terms, scope, found, foundHeld, cancellationToken);
                    page.Clear();
                }
            }
        }
        await SearchEventsAsync(page, terms, scope, found, foundHeld, cancellationToken);
        hits.AddRange(found.Select(EventsHit));
        held.AddRange(foundHeld.Select(EventsHit));
        return scanned;
    }

    /// <summary>
    /// The events that may hold a term (see <see cref="ScanEventsAsync"/>): with a sealed field and a live key of their
    /// owner's, their own (<c>pd1:</c>) or theirs at some clinic (<c>pd2:</c>, <c>clinic/owner</c>: more than the event's
    /// clinic, which is cheaper than reading it; every field that names a subject in some event type is tried); all with
    /// a sealed field when a term is found in "erased"; and those whose text holds a term, when the table pass found one.
    /// </summary>
    private string EventsThatMayHoldSql(int terms, bool storedTextHolds, bool erasedHolds)
    {
        var owners = serializer.Registry.All.Where(s => s.HasPersonalData).Select(s => s.SubjectField!).Distinct().ToList();
        var liveOwners = "select split_part(subject_id, '/', -1) from key_store.subject_keys where key is not null";
        var mayOpen = owners.Count == 0 ? "false"
            : erasedHolds ? """data::text like '%"pd_:%'"""
            : $"""data::text like '%"pd_:%' and ({string.Join(" or ", owners.Select(f => $"data->>{Literal(f)} in ({liveOwners})"))})""";
        var holds = Enumerable.Range(1, terms).SelectMany(t => new[] { "data::jsonb", "metadata::jsonb" }.Select(c => $"strpos(lower({c}::text), lower(${t})) > 0"));
        return $"""
            select event_id, stream_id, stream_revision, transaction_id::text::bigint, sequence, event_type, data::text, metadata::text, created_at
              from event_store.events
             where ({mayOpen})
                or ({(storedTextHolds ? string.Join(" or ", holds) : "false")})
             order by transaction_id, sequence
            """;
    }

    private async Task SearchEventsAsync(
        IReadOnlyList<RecordedEvent> page, IReadOnlyList<SearchTerm> terms, ErasureScope? scope,
        Dictionary<(string Stream, string Kind), List<long>> found, Dictionary<(string Stream, string Kind), List<long>> foundHeld,
        CancellationToken cancellationToken)
    {
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
            foreach (var kind in terms.Where(t => text.Contains(t.Value, StringComparison.OrdinalIgnoreCase)).Select(t => t.Kind).Distinct())
            {
                var revisions = into.TryGetValue((stored.Stream.Value, kind), out var known) ? known : into[(stored.Stream.Value, kind)] = [];
                revisions.Add(stored.Revision);
            }
        }
    }

    private static ScanHit EventsHit(KeyValuePair<(string Stream, string Kind), List<long>> found) =>
        new($"events of stream {found.Key.Stream}", found.Key.Kind, found.Value.Count, found.Value.Take(RowsNamed).Select(r => $"revision {r}").ToList());

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

    private async Task<Dictionary<(string Schema, string Table), List<string>>> PrimaryKeysAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select n.nspname, c.relname, a.attname
              from pg_index i
              join pg_class c on c.oid = i.indrelid
              join pg_namespace n on n.oid = c.relnamespace
              cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
              join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
             where i.indisprimary
             order by n.nspname, c.relname, k.position
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new Dictionary<(string, string), List<string>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = (reader.GetString(0), reader.GetString(1));
            (keys.TryGetValue(table, out var columns) ? columns : keys[table] = []).Add(reader.GetString(2));
        }
        return keys;
    }

    private async Task<List<ScannedColumn>> ScannedColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select c.table_schema, c.table_name, c.column_name, c.udt_name
              from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
             where t.table_type = 'BASE TABLE'
               and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\_%'
               and c.udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar', 'citext', 'bytea')
             order by c.table_schema, c.table_name, c.ordinal_position
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<ScannedColumn>();
        while (await reader.ReadAsync(cancellationToken))
            columns.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return columns;
    }

    private sealed record ScannedTable(string Schema, string Table, IReadOnlyList<ScannedColumn> Columns, IReadOnlyList<string> Keys, Guid? Clinic)
    {
        public string Name => $"{Quote(Schema)}.{Quote(Table)}";

        /// <summary>Rows of the clinic in scope, and rows of no clinic; the clinic is the parameter after the terms' two patterns each.</summary>
        public string OfClinic(int terms) => Clinic is null ? "true" : $"(clinic_id is null or clinic_id = ${2 * terms + 1})";
    }

    private sealed record ScannedColumn(string Schema, string Table, string Name, string Type)
    {
        /// <summary>
        /// The column as lower-case text: JSON decoded (jsonb prints characters, not escapes); arrays and text as they
        /// are; bytea in escape form, which no bytes make fail (as reading them as UTF-8 would). Casting to jsonb costs
        /// more than the search, so JSON whose only escapes are <c>\u002B</c> (System.Text.Json's "+", in every sealed
        /// field's base64) is decoded by putting the "+" back: with no other backslash left, its strings are as written.
        /// </summary>
        public string Lowered => Type switch
        {
            "bytea" => $"lower(encode({Quote(Name)}, 'escape'))",
            "json" => $@"lower(case when strpos(replace({Quote(Name)}::text, '\u002B', '+'), '\') = 0 then replace({Quote(Name)}::text, '\u002B', '+')
                                   else {Quote(Name)}::jsonb::text end)",
            _ => $"lower({Quote(Name)}::text)",
        };

        /// <summary>
        /// Whether <paramref name="lowered"/>, this column as <see cref="Lowered"/>, holds term <paramref name="t"/> of
        /// <paramref name="terms"/>, compared in the same form; what ilike does, without its pattern.
        /// </summary>
        public string Holds(string lowered, int t, int terms) =>
            $"strpos({lowered}, lower(${(Type == "bytea" ? terms + t + 1 : t + 1)})) > 0";
    }

    /// <summary>Text as PostgreSQL's <c>encode(…, 'escape')</c> writes its UTF-8 bytes: backslashes doubled, zero and high bytes as \ooo.</summary>
    private static string AsEscapedBytes(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
            escaped.Append(b switch
            {
                0 or >= 0x80 => $"\\{Convert.ToString(b, 8).PadLeft(3, '0')}",
                (byte)'\\' => @"\\",
                _ => ((char)b).ToString(),
            });
        return escaped.ToString();
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''")}'";

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
