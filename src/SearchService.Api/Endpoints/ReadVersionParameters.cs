using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Backends;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The query-string parameter that carries a version token between nodes, and the answer's header that hands it out,
/// for the reads answered by the shard copies: <c>/search</c>, <c>/facets/{name}</c>, <c>/export</c> and
/// <c>/articles/{id}/related</c>. A client moving between nodes passes the version one node's read reported, so another
/// node's read sees no older a state. (<c>/quotes</c> and <c>/speakers</c> search statement indexes that wait for no
/// version: they take neither.)
/// </summary>
public sealed class ReadVersionParameters
{
    public const string Parameter = "minVersion";

    /// <summary>The answer's header giving, in cluster mode, a version of the article log at least the highest the read's shards answered at.</summary>
    public const string Header = "X-Search-Version";

    [Example("1234")]
    [FromQuery(Name = Parameter)]
    [Description("Cluster mode: answer at no older a state than this version of the article log, the X-Search-Version header of an " +
        "earlier read (/search, /facets, /export, related articles) through any node, so that a client moving between nodes never sees its reads go backwards. A version past " +
        "the log's current one is taken as the current one. A whole number, 0 or more; anything else is a 400. A single node " +
        "answers every write only once it is searchable, so its reads never go backwards and it takes the parameter as met.")]
    public string? MinVersion { get; init; }

    /// <summary>The version asked for (0 when left out); or the problem naming <c>minVersion</c>.</summary>
    public ProblemHttpResult? Read(out long minVersion)
    {
        minVersion = 0;
        if (string.IsNullOrWhiteSpace(MinVersion))
            return null;
        var text = MinVersion.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minVersion))
            return null;
        // A version past any the log can reach is capped at the log's current one, as a smaller made-up one is.
        if (text.All(char.IsAsciiDigit))
        {
            minVersion = long.MaxValue;
            return null;
        }
        return ParameterProblem.For(Parameter, $"{Parameter} must be a whole number, 0 or more (an X-Search-Version header), not '{ParameterProblem.Echo(MinVersion)}'.");
    }

    /// <summary>
    /// Runs <paramref name="read"/> at no older a state than <paramref name="minVersion"/> (from <see cref="Read"/>) and,
    /// in cluster mode, hands out the version it answered at in <see cref="Header"/>.
    /// </summary>
    public static async Task<T> AnsweredAtAsync<T>(ISearchBackend backend, long minVersion, Func<Task<T>> read, HttpContext context)
    {
        var (result, version) = await backend.ReadAtAsync(minVersion, read, context.RequestAborted);
        if (version is { } at)
            context.Response.Headers[Header] = at.ToString(CultureInfo.InvariantCulture);
        return result;
    }
}
