using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>Declares problem-details answers (application/problem+json, the ProblemDetails schema) on the operations of one document.</summary>
public sealed class ProblemResponses
{
    public const string ContentType = "application/problem+json";
    private const string SchemaId = nameof(ProblemDetails);

    private readonly OpenApiDocument document;

    private ProblemResponses(OpenApiDocument document) => this.document = document;

    /// <summary>For <paramref name="document"/>, with the ProblemDetails schema among its components (added when no endpoint declared a problem).</summary>
    public static async Task<ProblemResponses> ForAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Components ??= new OpenApiComponents();
        if (document.Components.Schemas?.ContainsKey(SchemaId) != true)
            document.AddComponent(SchemaId, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellation));
        return new ProblemResponses(document);
    }

    /// <summary>Declares that <paramref name="operation"/> may answer <paramref name="status"/>, saying why; an answer already declared keeps its content and gets this description.</summary>
    public OpenApiResponse Declare(OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared) && declared is OpenApiResponse response)
        {
            response.Description = description;
            return response;
        }
        response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
            },
        };
        operation.Responses[key] = response;
        return response;
    }

    /// <summary>Every operation of the document with its path.</summary>
    public static IEnumerable<(string Path, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Value);
}
