using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Security;
using SearchService.Core.Searching;

namespace SearchService.Api.Analytics;

/// <summary>
/// Counts each answered first page of <c>GET /search</c> in <see cref="SearchAnalytics"/> (a further page or a cursor's
/// is the same search read on, not another one). A problem answer is not a search and is not counted.
/// </summary>
public sealed class SearchCounting(SearchAnalytics analytics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var answer = await next(context);
        var http = context.HttpContext;
        if (answer is INestedHttpResult { Result: Ok<SearchResult> { Value: { Page: 1 } result } } && !http.Request.Query.ContainsKey("after"))
            analytics.Searched(http.Request.Query["q"], result.Total, ScopedKeys.ScopeOf(http) is not null);
        return answer;
    }
}
