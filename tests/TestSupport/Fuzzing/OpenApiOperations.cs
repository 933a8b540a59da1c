using System.Text.Json;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>One operation of the host's OpenAPI document: what the fuzzer sends to.</summary>
public sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, JsonElement? Body, string? BodyMediaType)
{
    public string Name => $"{Method} {Path}";
}

public sealed record FuzzParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>The operations of an OpenAPI 3 document, in a stable order, with <c>$ref</c>s resolved against its components.</summary>
public sealed class OpenApiOperations(JsonElement document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<FuzzOperation> All { get; } = Read(document);

    /// <summary>The schema a <c>$ref</c> names, or the schema itself.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 16 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (!document.TryGetProperty("components", out var components) || !components.TryGetProperty("schemas", out var schemas)
                || !schemas.TryGetProperty(name, out schema))
                return default;
        }
        return schema;
    }

    private static List<FuzzOperation> Read(JsonElement document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? Parameters(common) : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                    continue;
                var parameters = operation.TryGetProperty("parameters", out var own) ? Parameters(own) : [];
                var (body, mediaType) = Body(operation);
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path.Name, [.. shared, .. parameters], body, mediaType));
            }
        }
        return operations;
    }

    private static List<FuzzParameter> Parameters(JsonElement parameters) =>
        [.. parameters.EnumerateArray().Select(p => new FuzzParameter(
            p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
            p.TryGetProperty("schema", out var schema) ? schema : default,
            p.TryGetProperty("required", out var required) && required.GetBoolean()))];

    private static (JsonElement?, string?) Body(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
            return (null, null);
        foreach (var media in content.EnumerateObject())
            return (media.Value.TryGetProperty("schema", out var schema) ? schema : default, media.Name);
        return (null, null);
    }
}
