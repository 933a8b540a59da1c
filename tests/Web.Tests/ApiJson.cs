using System.Text.Json;
using System.Text.Json.Serialization;

namespace VetOS.Web.Tests;

/// <summary>JSON as the API writes it: web defaults, enums by name.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
