using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The query-string parameter of <c>GET /search</c> that carries a version token between nodes, and the answer's header
/// that hands it out: a client moving between nodes passes the version one node's search reported, so another node's
/// search sees no older a state.
/// </summary>
public sealed class ReadVersionParameters
{
    public const string Parameter = "minVersion";

    /// <summary>The answer's header giving, in cluster mode, the highest version of the article log the search's shards answered at.</summary>
    public const string Header = "X-Search-Version";

    [Example("1234")]
    [FromQuery(Name = Parameter)]
    [Description("Cluster mode: answer at no older a state than this version of the article log, the X-Search-Version header of an " +
        "earlier search through any node, so that a client moving between nodes never sees its reads go backwards. A version past " +
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
}
