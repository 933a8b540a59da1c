using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VetOS.Web.Problems;

/// <summary>Every operation may answer 503 with Retry-After while the database is briefly away: the document says so.</summary>
public sealed class ServiceUnavailableResponse : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("503", new OpenApiResponse
        {
            Description = $"The database is briefly away: a problem body, and Retry-After ({ProblemMapping.RetryAfterSeconds} s).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            },
        });
        return Task.CompletedTask;
    }
}
