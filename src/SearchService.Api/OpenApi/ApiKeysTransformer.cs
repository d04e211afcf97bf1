using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using SearchService.Api.Limits;
using SearchService.Api.Security;

namespace SearchService.Api.OpenApi;

/// <summary>
/// Declares the two keys as security schemes (both sent as X-Api-Key, or as Authorization: Bearer, see
/// <see cref="ApiKey"/>) and which operations take which, read from each endpoint's metadata as the authorization
/// middleware reads it: an endpoint that allows anonymous requests takes no key; one that carries the
/// <see cref="KeyPolicies.Admin"/> policy needs the admin key; any other falls to the <see cref="KeyPolicies.Search"/>
/// fallback policy, which needs the search key or the admin key where a deployment sets Search:SearchApiKey, so for them
/// a key is optional in the document. Each keyed operation declares the 401 of a missing or wrong key and the 429 of too
/// many wrong ones; those of the search key, the 403 of a scoped key used from the wrong origin or where it may not go.
/// An operation under the per-client read limit (<see cref="RequestLimits.ReadsPolicy"/>) declares its 429 too, keyed or not.
/// </summary>
public sealed class ApiKeysTransformer : IOpenApiDocumentTransformer
{
    public const string AdminKeyScheme = "adminKey";
    public const string SearchKeyScheme = "searchKey";
    private const string AlsoBearer = " Also accepted as 'Authorization: Bearer <key>'.";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminKeyScheme] = Scheme(
            "The admin key (Search:AdminApiKey): the writes need it; it also passes wherever the search key does, and shows /health's details." + AlsoBearer);
        document.Components.SecuritySchemes[SearchKeyScheme] = Scheme(
            "The search key (Search:SearchApiKey): a private deployment sets it, and then every operation but /health… needs it or the admin key; " +
            "without it reading is open. Where no admin key is set, it shows /health's details. A scoped search key (POST /keys, or signed " +
            "offline) passes here too, seeing only what its filters allow." + AlsoBearer);

        var keys = KeysByOperationId(context);
        var problems = await ProblemResponses.ForAsync(document, context, cancellationToken);
        foreach (var (path, operation) in ProblemResponses.Operations(document))
        {
            if (operation.OperationId is not { } id || !keys.TryGetValue(id, out var access))
                throw new InvalidOperationException($"The operation at {path} has no endpoint name (WithName) to find its key policy by.");
            var key = access.Key;
            if (key is null)
            {
                if (access.ReadsLimited)
                    DeclareTooMany(problems, operation, "Too many requests from this client: beyond Search:SearchRequestsPerSecond a second.");
                continue;
            }
            if (key == KeyScope.Admin)
            {
                operation.Security = [Requirement(document, AdminKeyScheme)];
                problems.Declare(operation, StatusCodes.Status401Unauthorized,
                    "No key or a wrong key: this operation needs the admin key (Search:AdminApiKey), as X-Api-Key or Authorization: Bearer.");
                problems.Declare(operation, StatusCodes.Status403Forbidden, "The write API is disabled: the server has no Search:AdminApiKey.");
            }
            else
            {
                // An empty requirement first: an open deployment (no search key) answers without a key.
                operation.Security = [new OpenApiSecurityRequirement(), Requirement(document, SearchKeyScheme), Requirement(document, AdminKeyScheme)];
                problems.Declare(operation, StatusCodes.Status401Unauthorized,
                    "No key or a wrong key where the deployment sets Search:SearchApiKey: send the search key or the admin key, as X-Api-Key or " +
                    "Authorization: Bearer. Also a scoped key that is expired, revoked or badly signed (keyId names it), wherever it is sent.");
                problems.Declare(operation, StatusCodes.Status403Forbidden,
                    "A scoped search key sent from an origin it does not list, or to an operation that does not apply its filters (only " +
                    "/search, /facets/{name}, /suggest, GET /articles/{id}, /articles/{id}/related and /view/{id} do); keyId names it.");
            }
            DeclareTooMany(problems, operation,
                (access.ReadsLimited ? "Too many requests from this client: beyond Search:SearchRequestsPerSecond a second, or wrong keys beyond "
                    : "Too many wrong keys from this client: beyond ") +
                "Search:KeyFailuresPerMinute a minute (then every key it sends is refused until the minute is over).");
        }
    }

    private static void DeclareTooMany(ProblemResponses problems, OpenApiOperation operation, string description)
    {
        var tooMany = problems.Declare(operation, StatusCodes.Status429TooManyRequests, description);
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            },
        };
    }

    /// <summary>The key each endpoint of the document takes (null: none), and whether reads limit it, by its name, the operation's id.</summary>
    private static Dictionary<string, EndpointAccess> KeysByOperationId(OpenApiDocumentTransformerContext context)
    {
        var keys = new Dictionary<string, EndpointAccess>(StringComparer.Ordinal);
        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName is { } name)
                keys[name] = new EndpointAccess(KeyOf(metadata),
                    metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault()?.PolicyName == RequestLimits.ReadsPolicy);
        }
        return keys;
    }

    private sealed record EndpointAccess(KeyScope? Key, bool ReadsLimited);

    /// <summary>
    /// As the authorization middleware decides: anonymous requests allowed, no key; the admin policy, the admin key;
    /// else the fallback policy, the search key.
    /// </summary>
    private static KeyScope? KeyOf(IList<object> metadata) =>
        metadata.OfType<IAllowAnonymous>().Any() ? null
        : metadata.OfType<IAuthorizeData>().Any(data => data.Policy == KeyPolicies.Admin) ? KeyScope.Admin
        : KeyScope.Search;

    private static OpenApiSecurityScheme Scheme(string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKey.HeaderName, Description = description };

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
