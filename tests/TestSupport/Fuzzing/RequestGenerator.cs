using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>Who a request acts as: <paramref name="Header"/> is the <c>X-Dev-Actor</c> value, null for anonymous.</summary>
public sealed record FuzzActor(string Name, string? Header)
{
    public VetOS.Domain.Actor? Actor { get; init; }
}

public sealed record FuzzRequest(FuzzOperation Operation, FuzzActor Actor, string Url, byte[]? Body, string? MediaType)
{
    public string Describe()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        if (body.Length > 300)
            body = $"{body[..300]}… ({Body!.Length:N0} bytes)";
        return $"{Operation.Method} {(Url.Length > 300 ? Url[..300] + "…" : Url)} as {Actor.Name}"
            + (Body is null ? "" : $" with {MediaType}: {HostileValues.JsonString(body)}");
    }
}

/// <summary>
/// CsCheck generators of requests for every operation of an OpenAPI document: path, query and body values from each
/// schema, valid ids mixed with random and junk ones, hostile values mixed with plausible ones (and one request in four
/// plausible throughout, to reach past validation). Case i of a seed is always the same request, whatever order the cases run in.
/// </summary>
public sealed class RequestGenerator
{
    private readonly OpenApiOperations api;
    private readonly Gen<FuzzRequest>[] requests;

    public RequestGenerator(OpenApiOperations api, IReadOnlyList<Guid> knownIds, IReadOnlyList<FuzzActor> actors)
    {
        this.api = api;
        var who = Gen.OneOf([.. actors]);
        var hostile = new RequestShapes(api, Palette.Hostile(knownIds), who);
        var plausible = new RequestShapes(api, Palette.Plausible(knownIds), who);
        requests = [.. api.All.Select(operation => Gen.Frequency<FuzzRequest>((3, hostile.For(operation)), (1, plausible.For(operation))))];
    }

    public IReadOnlyList<FuzzOperation> Operations => api.All;

    /// <summary>Case <paramref name="index"/> of <paramref name="seed"/>: the operations take turns, so every one is sent.</summary>
    public FuzzRequest Case(ulong seed, int index) =>
        requests[index % requests.Length].Generate(new PCG((uint)index, seed), null, out _);
}

internal sealed class RequestShapes(OpenApiOperations api, Palette palette, Gen<FuzzActor> actors)
{
    private const int MaxDepth = 4;
    private readonly Gen<string> ids = palette.Ids;

    public Gen<FuzzRequest> For(FuzzOperation operation)
    {
        var path = operation.Parameters.Where(p => p.In == "path").Aggregate(Gen.Const(operation.Path), (url, parameter) =>
            Gen.Select(url, Raw(parameter.Schema), (u, value) => u.Replace($"{{{parameter.Name}}}", HostileValues.UrlEncode(value), StringComparison.Ordinal)));
        var query = operation.Parameters.Where(p => p.In == "query").Aggregate(Gen.Const(""), (q, parameter) =>
            Gen.Select(q, QueryPair(parameter), (s, pair) => pair is null ? s : $"{s}&{pair}"));
        var extra = Gen.Frequency<string>((6, Gen.Const("")), (palette.Wrong, palette.Text.Select(v => $"&{HostileValues.UrlEncode(v)}={HostileValues.UrlEncode(v)}")));
        var url = Gen.Select(path, query, extra, (p, q, e) => (q + e).Length == 0 ? p : $"{p}?{(q + e)[1..]}");
        var body = Body(operation);
        return Gen.Select(url, body, actors, (u, b, actor) => new FuzzRequest(operation, actor, u, b.Bytes, b.MediaType));
    }

    private Gen<string?> QueryPair(FuzzParameter parameter) => Gen.Frequency<string?>(
        (parameter.Required ? palette.Wrong : 3, Gen.Const((string?)null)),
        (8, Raw(parameter.Schema).Select<string, string?>(v => $"{parameter.Name}={HostileValues.UrlEncode(v)}")),
        (palette.Wrong, Gen.Select(Raw(parameter.Schema), Raw(parameter.Schema), (a, b) => (string?)$"{parameter.Name}={HostileValues.UrlEncode(a)}&{parameter.Name}={HostileValues.UrlEncode(b)}")));

    /// <summary>A path or query value as text, by the schema's type and format.</summary>
    private Gen<string> Raw(JsonElement schema)
    {
        schema = api.Resolve(schema);
        var (type, format) = TypeOf(schema);
        var typed = (type, format) switch
        {
            (_, "uuid") => ids,
            (_, "date") => palette.Date,
            (_, "date-time") => palette.DateTime,
            ("integer" or "number", _) => palette.Number,
            ("boolean", _) => Gen.OneOf("true", "false", "True", "1", "yes", ""),
            _ when Enum(schema) is { Length: > 0 } values => Gen.OneOf(values),
            _ => palette.Text,
        };
        return Gen.Frequency<string>((5, typed), (palette.Wrong, HostileValues.Text));
    }

    private Gen<(byte[]? Bytes, string? MediaType)> Body(FuzzOperation operation)
    {
        if (operation.Body is not { } schema)
            return Gen.Frequency<(byte[]?, string?)>((12, Gen.Const(((byte[]?)null, (string?)null))), (palette.Wrong, Malformed.Select(m => ((byte[]?)Encoding.UTF8.GetBytes(m), (string?)"application/json"))));
        if (operation.BodyMediaType!.Contains("form", StringComparison.Ordinal))
            return Form(api.Resolve(schema)).Select(f => ((byte[]?)Encoding.UTF8.GetBytes(f), (string?)"application/x-www-form-urlencoded"));
        var text = Gen.Frequency<string>((10, Json(schema, 0)), (palette.Wrong, Malformed), (palette.Wrong, DuplicateKeys(schema)));
        var bytes = Gen.Frequency<byte[]>(
            (14, text.Select(t => Encoding.UTF8.GetBytes(t))),
            (palette.Wrong, Gen.Select(text, Gen.Int[0, 1_000], (t, at) => InvalidUtf8(Encoding.UTF8.GetBytes(t), at))));
        var mediaType = Gen.Frequency<string>((20, Gen.Const(operation.BodyMediaType!)), (palette.Wrong, Gen.OneOf("text/plain", "application/xml", "application/json; charset=latin1")));
        return Gen.Select(bytes, mediaType, (b, m) => ((byte[]?)b, (string?)m));
    }

    private static byte[] InvalidUtf8(byte[] bytes, int at)
    {
        at = Math.Min(at, bytes.Length);
        return [.. bytes[..at], 0xFF, 0xC3, 0x28, .. bytes[at..]];
    }

    private static readonly Gen<string> Malformed = Gen.OneOf<string>(
        Gen.OneOf("", " ", "{", "}", "{\"", "[1,2,", "nul", "{\"a\":1}}", "{'a':1}", "{\"a\" 1}", "\u0000", "\uFEFF{}", "{\"a\":01}", "{\"a\":\"\\x\"}",
            "{\"a\":\"\\ud800\"}", "{\"a\":NaN}", "/* */{}", "{\"a\":1,}"),
        Gen.Int[10, 5_000].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[10, 2_000].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));

    /// <summary>A JSON value for the schema, now and then of the wrong type.</summary>
    private Gen<string> Json(JsonElement schema, int depth)
    {
        schema = api.Resolve(schema);
        var wrong = Gen.OneOf<string>(
            Gen.OneOf("null", "true", "0", "-1", "1e400", "\"\"", "[]", "{}", "[null]", "{\"\":{}}"),
            palette.Text.Select(HostileValues.JsonString),
            palette.Number.Select(JsonNumber));
        return Gen.Frequency<string>((8, Typed(schema, depth)), (palette.Wrong, wrong));
    }

    private Gen<string> Typed(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return palette.Text.Select(HostileValues.JsonString);
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(choice, out var options) && options.GetArrayLength() > 0)
                return Gen.OneOf<string>([.. options.EnumerateArray().Where(o => !IsNull(api.Resolve(o))).Select(o => Json(o, depth + 1)).DefaultIfEmpty(Gen.Const("null"))]);
        if (Enum(schema) is { Length: > 0 } values)
            return Gen.OneOf([.. values.Select(HostileValues.JsonString)]);
        var (type, format) = TypeOf(schema);
        return (type, format) switch
        {
            (_, "uuid") => ids.Select(HostileValues.JsonString),
            (_, "date") => palette.Date.Select(HostileValues.JsonString),
            (_, "date-time") => palette.DateTime.Select(HostileValues.JsonString),
            ("integer" or "number", _) => palette.Number.Select(JsonNumber),
            ("boolean", _) => Gen.OneOf("true", "false"),
            ("array", _) when depth < MaxDepth && schema.TryGetProperty("items", out var items) =>
                Json(items, depth + 1).Array[0, 4].Select(a => $"[{string.Join(',', a)}]"),
            ("array", _) => Gen.Const("[]"),
            ("object", _) or (null, _) when schema.TryGetProperty("properties", out _) => depth < MaxDepth ? Object(schema, depth) : Gen.Const("{}"),
            ("object", _) => Gen.Const("{}"),
            _ => palette.Text.Select(HostileValues.JsonString),
        };
    }

    /// <summary>The schema's properties, each now and then left out, now and then an unknown one added.</summary>
    private Gen<string> Object(JsonElement schema, int depth)
    {
        var members = schema.GetProperty("properties").EnumerateObject().Aggregate(Gen.Const(new List<string>()), (all, property) =>
            Gen.Select(all, Gen.Frequency<string?>((palette.Wrong, Gen.Const((string?)null)), (9, Json(property.Value, depth + 1).Select<string, string?>(v => $"\"{property.Name}\":{v}"))),
                (list, member) => member is null ? list : [.. list, member]));
        var extra = Gen.Frequency<string>((8, Gen.Const("")), (palette.Wrong, Gen.Select(palette.Text, Json(default, depth + 1), (name, value) => $"{HostileValues.JsonString(name)}:{value}")));
        return Gen.Select(members, extra, (list, e) => $"{{{string.Join(',', e.Length == 0 ? list : [.. list, e])}}}");
    }

    private Gen<string> DuplicateKeys(JsonElement schema) =>
        Json(schema, 0).Select(json => json.StartsWith("{\"", StringComparison.Ordinal) && json.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? $"{{{json[1..colon]}:null,{json[1..]}" : json);

    private Gen<string> Form(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Aggregate(Gen.Const(""), (form, property) =>
                Gen.Select(form, Raw(property.Value), (f, value) => $"{f}{(f.Length == 0 ? "" : "&")}{property.Name}={HostileValues.UrlEncode(value)}"))
            : palette.Text.Select(HostileValues.UrlEncode);

    private static string JsonNumber(string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !number.StartsWith('.') && !number.Contains("Infinity", StringComparison.Ordinal)
            && !number.Contains("NaN", StringComparison.Ordinal) && !number.StartsWith('+')
            ? number : HostileValues.JsonString(number);

    private static (string? Type, string? Format) TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            return (null, null);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (!schema.TryGetProperty("type", out var type))
            return (null, format);
        return type.ValueKind == JsonValueKind.Array
            ? (type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null"), format)
            : (type.GetString(), format);
    }

    private static bool IsNull(JsonElement schema) => TypeOf(schema).Type is null && schema.ValueKind == JsonValueKind.Object
        && schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.String ? type.GetString() == "null" : false);

    private static string[]? Enum(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;
}
