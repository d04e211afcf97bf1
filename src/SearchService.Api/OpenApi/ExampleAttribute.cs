namespace SearchService.Api.OpenApi;

/// <summary>An example value of a request parameter, shown in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
