using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Api.Security;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Scoped search keys (<c>/keys</c>, admin key): issuing one with fixed filters, allowed origins and an expiry,
/// listing them without their secrets, and revoking one. Typesense's scoped keys and Meilisearch's tenant tokens are
/// the models; a key signed offline (<see cref="SignedScopedKey"/>) needs no call here, except to revoke it.
/// </summary>
public static class KeyEndpoints
{
    public const int MaxDescriptionLength = 200;
    public const int MaxOrigins = 20;
    public const int MaxIdLength = 100;

    private static readonly JsonNode BodyExample = JsonSerializer.SerializeToNode(
        new NewScopedKey("Business Recorder's site search", new ScopedKeyFilters(Source: ["Business Recorder"], From: "2021-01-01"),
            ["https://www.brecorder.com"], new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero)),
        JsonSerializerOptions.Web)!;

    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapAdminGroup("/keys");
        keys.MapPost("", Issue)
            .WithName("IssueKey")
            .WithSummary("Issue a scoped search key: fixed filters, allowed origins, an expiry")
            .WithDescription("A request with the key sees only what its filters allow, at /search (hits, totals, facet counts, didYouMean), " +
                "/facets/{name}, /suggest, GET /articles/{id}, /articles/{id}/related and /view/{id} (an article outside them is a 404); request parameters can " +
                "narrow the filters, never widen them. Every other endpoint refuses it (403), as does a request from an origin it does not " +
                "list; once expired or revoked it is a 401 naming the key. The secret is in this answer only.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                    body.Example = BodyExample.DeepClone();
                return Task.CompletedTask;
            });
        keys.MapGet("", List)
            .WithName("ListKeys")
            .WithSummary("The scoped keys issued, without their secrets, and the revoked signed keys")
            .WithDescription("Every key issued, oldest first, with what it allows, where from and until when; revoked ones with revokedAt. " +
                "Only a hash of each secret is kept (in the index folder), so no secret can be listed.");
        keys.MapDelete("/{id}", Revoke)
            .WithName("RevokeKey")
            .WithSummary("Revoke a scoped key: an issued one, or every signed key with this id")
            .WithDescription("204 once revoked and stored (beside the index; in cluster mode in PostgreSQL): the key is refused from the next request on, " +
                "with a 401 naming it, and by a cluster's other nodes within about a second. " +
                "An id no key was issued under is taken as a signed key's, since the service never sees those until they are used.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<Created<IssuedScopedKey>, ProblemHttpResult>> Issue(NewScopedKey body, ScopedKeyStore store, CancellationToken cancellation)
    {
        if (body.Description is { Length: > MaxDescriptionLength })
            return ParameterProblem.For("description", $"description may be at most {MaxDescriptionLength} characters long.");
        var filters = body.Filters ?? new ScopedKeyFilters();
        if (filters.Problem(out _) is { } filterProblem)
            return ParameterProblem.For("filters", filterProblem);
        var origins = new List<string>();
        foreach (var origin in body.Origins ?? [])
        {
            if (Origin(origin) is not { } normalized)
                return ParameterProblem.For("origins", $"'{ParameterProblem.Echo(origin)}' is not an origin: scheme://host[:port], http or https, no path.");
            origins.Add(normalized);
        }
        if (origins.Count > MaxOrigins)
            return ParameterProblem.For("origins", $"At most {MaxOrigins} origins may be listed; there were {origins.Count}.");
        if (body.ExpiresAt is { } expires && expires <= store.Now)
            return ParameterProblem.For("expiresAt", $"expiresAt ({expires:u}) is not in the future.");
        var (key, secret) = await store.IssueAsync(body.Description, filters, origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), body.ExpiresAt, cancellation);
        return TypedResults.Created($"/keys/{key.Id}", new IssuedScopedKey(secret, key));
    }

    private static Ok<ScopedKeyList> List(ScopedKeyStore store) => TypedResults.Ok(new ScopedKeyList(store.Keys(), store.RevokedSigned()));

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        [Description("The key's id: an issued key's (from GET /keys) or the id a signed key carries."), Example("k3f9a0c12b7e4")] string id,
        ScopedKeyStore store, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
            return ParameterProblem.For("id", $"id must be 1 to {MaxIdLength} characters long.");
        await store.RevokeAsync(id, cancellation);
        return TypedResults.NoContent();
    }

    /// <summary>The origin as a browser sends it (lower-case scheme and host, the port only when not the default), or null.</summary>
    private static string? Origin(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
