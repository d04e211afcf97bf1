using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>Adds the members this service puts in every problem to the ProblemDetails schema, so generated clients read them.</summary>
public sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails) || context.JsonPropertyInfo is not null)
            return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["parameter"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request parameter at fault, when one is: a query parameter, 'id', 'body', or 'key' (either key header).",
        };
        schema.Properties["requestId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "This request's id, as the server's logs name it.",
        };
        return Task.CompletedTask;
    }
}
