using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Cluster;
using SearchService.Api.Limits;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Quotes;
using SearchService.Core.Sharding;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Who said what: <c>/quotes</c> (statements as search results) and <c>/speakers/{name}</c> (a speaker's profile), reads
/// under the per-client rate limit, answered from the statements kept beside the index (<see cref="StatementIndex"/>).
/// A scoped search key's filters limit both, and both answer cross-origin like <c>/search</c> (a search box on another
/// site calls them). A cluster node answers both from every shard's statements (<see cref="ShardedQuoteSearcher"/>), as
/// one index of the same articles answers them.
/// </summary>
public static class QuoteEndpoints
{
    public static IEndpointRouteBuilder MapQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("").RequireRateLimiting(RequestLimits.ReadsPolicy);
        reads.MapGet("/quotes", Quotes)
            .WithName("Quotes")
            .WithTags("Quotes")
            .WithSummary("Attributed statements (quotations and reported speech) with their speaker, verb and facet counts")
            .WithDescription(
                "Searches the statements the articles attribute to someone: direct quotations and reported speech (\"X said that …\", " +
                "\"…, the Foreign Office said\"), each with its speaker (as the speaker facet names them), its reporting verb, its article, " +
                "paragraph and date. total and every facet count are in statements, over all matches; each facet (speaker, region, topic, " +
                "verb) is counted with every filter applied except its own, so a UI can offer multi-select. A cluster node answers from every shard, as one index of the same articles does.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        reads.MapGet("/speakers/{name}", Speaker)
            .WithName("Speaker")
            .WithTags("Quotes")
            .WithSummary("A speaker's profile: names, kind, roles, statements by month, topics, regions and latest statements")
            .WithDescription(
                "name is any name the speaker facet gives the speaker or a variant of it ('Volcker' finds 'Paul Volcker'); the profile is " +
                "the canonical one. With a scoped search key the statements, counts, topics and regions are those within the key's filters, " +
                "and a speaker with no statement there is a 404 like one no article names. A cluster node gathers the profile from every " +
                "shard and finds the name in the cluster's one speaker identity table, as a single node does in its own (docs/cluster.md).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        return app;
    }

    private static async Task<Results<Ok<QuoteResult>, ProblemHttpResult>> Quotes(
        [AsParameters] QuoteParameters parameters, IConfiguration configuration, IServiceProvider services, HttpContext context)
    {
        if (parameters.Validate(out var request) is { } problem)
            return problem;
        request = request with { Scope = ScopedKeys.ScopeOf(context) };
        return TypedResults.Ok(SearchClusterOptions.IsEnabled(configuration)
            ? await services.GetRequiredService<ShardedQuoteSearcher>().SearchAsync(request)
            : services.GetRequiredService<QuoteSearcher>().Search(request));
    }

    private static async Task<Results<Ok<SpeakerProfile>, ProblemHttpResult>> Speaker(
        string name, IConfiguration configuration, IServiceProvider services, HttpContext context)
    {
        var scope = ScopedKeys.ScopeOf(context);
        var profile = SearchClusterOptions.IsEnabled(configuration)
            ? await services.GetRequiredService<ShardedQuoteSearcher>().FindSpeakerAsync(name.Trim(), scope)
            : services.GetRequiredService<SpeakerProfiles>().Find(name.Trim(), scope);
        return profile is not null
            ? TypedResults.Ok(profile)
            : TypedResults.Problem(detail: $"No article names the speaker '{Problems.ParameterProblem.Echo(name)}'.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown speaker");
    }
}
