using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>Copies <see cref="ExampleAttribute"/> values onto the parameters of the OpenAPI document.</summary>
public sealed class ParameterExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }
                || info.GetCustomAttribute<ExampleAttribute>() is not { } example)
                continue;
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name);
            if (parameter is null)
                continue;
            parameter.Example = info.ParameterType.IsArray ? new JsonArray(JsonValue.Create(example.Value)) : ExampleValue(info.ParameterType, example.Value);
        }
        return Task.CompletedTask;
    }

    private static JsonNode ExampleValue(Type type, string value) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(int) ? JsonValue.Create(int.Parse(value)) : JsonValue.Create(value);
}
