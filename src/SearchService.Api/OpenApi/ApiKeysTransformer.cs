using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SearchService.Api.Security;

namespace SearchService.Api.OpenApi;

/// <summary>
/// Declares the two keys as security schemes (both sent as X-Api-Key, or as Authorization: Bearer, see
/// <see cref="ApiKey"/>) and which operations take which: the writes (tag Admin) need the admin key; where a deployment
/// sets Search:SearchApiKey, every operation the <see cref="SearchKeyMiddleware"/> guards needs the search key or the
/// admin key, so for them a key is optional in the document. Each keyed operation declares the 401 of a missing or
/// wrong key and the 429 of too many wrong ones.
/// </summary>
public sealed class ApiKeysTransformer : IOpenApiDocumentTransformer
{
    public const string AdminKeyScheme = "adminKey";
    public const string SearchKeyScheme = "searchKey";
    private const string AdminTag = "Admin";
    private const string AlsoBearer = " Also accepted as 'Authorization: Bearer <key>'.";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminKeyScheme] = Key(
            "The admin key (Search:AdminApiKey): the writes need it; it also passes wherever the search key does, and shows /health's details." + AlsoBearer);
        document.Components.SecuritySchemes[SearchKeyScheme] = Key(
            "The search key (Search:SearchApiKey): a private deployment sets it, and then every operation but /health… needs it or the admin key; " +
            "without it reading is open. Where no admin key is set, it shows /health's details." + AlsoBearer);

        var problems = await ProblemResponses.ForAsync(document, context, cancellationToken);
        foreach (var (path, operation) in ProblemResponses.Operations(document))
        {
            if (operation.Tags?.Any(tag => tag.Name == AdminTag) == true)
            {
                operation.Security = [Requirement(document, AdminKeyScheme)];
                problems.Declare(operation, StatusCodes.Status401Unauthorized,
                    "No key or a wrong key: this operation needs the admin key (Search:AdminApiKey), as X-Api-Key or Authorization: Bearer.");
                problems.Declare(operation, StatusCodes.Status403Forbidden, "The write API is disabled: the server has no Search:AdminApiKey.");
            }
            else if (SearchKeyMiddleware.Guards(path))
            {
                // An empty requirement first: an open deployment (no search key) answers without a key.
                operation.Security = [new OpenApiSecurityRequirement(), Requirement(document, SearchKeyScheme), Requirement(document, AdminKeyScheme)];
                problems.Declare(operation, StatusCodes.Status401Unauthorized,
                    "No key or a wrong key where the deployment sets Search:SearchApiKey: send the search key or the admin key, as X-Api-Key or Authorization: Bearer.");
            }
            else
            {
                continue;
            }
            var tooMany = problems.Declare(operation, StatusCodes.Status429TooManyRequests,
                "Too many requests from this client: searches beyond Search:SearchRequestsPerSecond a second, or wrong keys beyond " +
                "Search:KeyFailuresPerMinute a minute (then every key it sends is refused until the minute is over).");
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }
    }

    private static OpenApiSecurityScheme Key(string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKey.HeaderName, Description = description };

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
