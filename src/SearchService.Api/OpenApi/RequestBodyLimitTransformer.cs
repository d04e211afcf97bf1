using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>Declares the 413 of every operation that takes a body: the server refuses bodies over its configured limit.</summary>
public sealed class RequestBodyLimitTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var problems = await ProblemResponses.ForAsync(document, context, cancellationToken);
        foreach (var (_, operation) in ProblemResponses.Operations(document).Where(o => o.Operation.RequestBody is not null))
        {
            problems.Declare(operation, StatusCodes.Status413PayloadTooLarge,
                "The body is larger than the server accepts: Search:MaxRequestBodyBytes, or Search:MaxBulkBodyBytes for POST /articles/_bulk.");
        }
    }
}
