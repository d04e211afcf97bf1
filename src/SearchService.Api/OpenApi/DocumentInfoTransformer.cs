using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>What the document says about the service as a whole: its title, description and contact, and server addresses without a trailing slash (a client appends paths that start with one).</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SearchService";
        document.Info.Description =
            "Full-text search over news articles at paragraph granularity, with exact facet counts for region, topic and speaker, " +
            "completions, whole articles, and a write API behind the admin key. Errors are problem details " +
            "(application/problem+json) whose 'parameter' names the request parameter at fault.";
        document.Info.Contact = new OpenApiContact { Name = "SearchService maintainers" };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        return Task.CompletedTask;
    }
}
