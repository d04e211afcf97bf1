using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SearchService.Api.Endpoints;
using SearchService.Core.Searching;

namespace SearchService.Api.OpenApi;

/// <summary>
/// Declares the publisher fields Search:FilterFields makes filters (<see cref="FilterFieldSet"/>) as query parameters
/// of every operation that takes /search's filters: their names come from the configuration, so no parameter class can
/// declare them (<see cref="FilterFieldQuery"/> reads them).
/// </summary>
public sealed class FilterFieldsTransformer(FilterFieldSet configured) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (configured.Names.Count == 0 || operation.OperationId is not { } id || !FilterFieldQuery.Operations.Contains(id))
            return Task.CompletedTask;
        operation.Parameters ??= [];
        foreach (var name in configured.Names)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = $"Only articles whose publisher field {name} is this value, exactly (Search:FilterFields). Repeatable like region: " +
                    "values of one field OR-ed, fields AND-ed; counted in facets.fields like region, every filter applied but its own.",
                Style = ParameterStyle.Form,
                Explode = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            });
        }
        return Task.CompletedTask;
    }
}
