using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Backends;
using SearchService.Api.Problems;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The <c>refresh</c> parameter of the article writes (Elasticsearch's name): <c>wait_for</c> answers only once the write
/// is searchable through every node, so a client's next search through any node finds it (read your writes).
/// </summary>
public static class WriteRefresh
{
    public const string Parameter = "refresh";

    /// <summary>The answer's header saying, when <c>refresh=wait_for</c> was asked, whether the write is searchable everywhere.</summary>
    public const string Header = "X-Searchable";

    public const string Description =
        "wait_for: answer once the write is searchable through every node (a single node's write always is when answered); " +
        "in cluster mode every copy of the article's shard is waited for up to Search:Cluster:ShardCallTimeout (5 s), after which " +
        "the write, committed, still succeeds. The answer's X-Searchable header then says true or false. Left out: no wait " +
        "(in cluster mode searchable through every node within about a second). Any other value is a 400.";

    /// <summary>Whether the write waits; a value other than <c>wait_for</c> is the problem returned.</summary>
    public static ProblemHttpResult? Read(string? refresh, out bool wait)
    {
        wait = refresh is not null;
        return refresh is null or "wait_for"
            ? null
            : ParameterProblem.For(Parameter, $"{Parameter} must be 'wait_for' or left out, not '{ParameterProblem.Echo(refresh)}'.");
    }

    /// <summary>When <paramref name="wait"/>, waits until <paramref name="written"/> is searchable everywhere (bounded) and says so in <see cref="Header"/>.</summary>
    public static async Task AnswerAsync(HttpResponse response, IArticleBackend store, AcknowledgedWrite written, bool wait, CancellationToken cancellation)
    {
        if (wait)
            response.Headers[Header] = await store.SearchableEverywhereAsync(written, cancellation) ? "true" : "false";
    }
}
