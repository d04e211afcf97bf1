using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>
/// Declares every query parameter optional, as the endpoints bind them: an absent one takes the default its description
/// gives, and a repeatable one (<c>region</c>, <c>topic</c>, …) absent is no filter. The request delegates generated at
/// compile time describe a nullable array property of an <c>[AsParameters]</c> record as required.
/// </summary>
public sealed class OptionalQueryParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query)
                parameter.Required = false;
        }
        return Task.CompletedTask;
    }
}
