using System.Globalization;
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

    /// <summary>The example as a JSON value of the parameter's type: a string example of a number or a boolean is an invalid example.</summary>
    private static JsonNode ExampleValue(Type type, string value) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => JsonValue.Create(int.Parse(value, CultureInfo.InvariantCulture)),
        var t when t == typeof(bool) => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };
}
