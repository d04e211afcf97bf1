using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The query-string parameter of <c>GET /search</c> that puts fresh results first (<see cref="RecencyDecay"/>), with
/// the setting it defaults to and the clock whose time of the request ages are taken at.
/// </summary>
public sealed class RecencyParameters
{
    /// <summary>The word that turns the server's default decay off for one request.</summary>
    public const string Off = "off";

    [Example("7d")]
    [FromQuery(Name = "recency")]
    [Description("Fresh results first: a half-life, a whole number and a unit h, d, w or y (12h, 7d, 90d, 1y). Each hit's relevance is multiplied by a factor of its article's age at the time of the request: 1 when new, 2/3 one half-life old, and on towards 1/3, which old and undated articles keep (exponential decay above a floor). So among equal matches the newest ranks first, while a match more than three times as good as a fresh one still ranks above it. The factor applies to every match before the best are chosen; total and facets do not change; with explain=true each hit's explanation carries recencyFactor. 'off' turns off the server's default (Search:RecencyHalfLife; none unless set). Only with q and sort=relevance (with sort=date it is ignored).")]
    public string? Recency { get; init; }

    [FromServices]
    public required IOptions<SearchOptions> Options { get; init; }

    [FromServices]
    public required TimeProvider Clock { get; init; }

    /// <summary>The request with its decay (the parameter's, else the setting's, taken now); or the problem naming <c>recency</c>.</summary>
    public ProblemHttpResult? Apply(SearchRequest request, out SearchRequest decayed)
    {
        decayed = request;
        var text = string.IsNullOrWhiteSpace(Recency) ? Options.Value.RecencyHalfLife : Recency.Trim();
        if (string.IsNullOrWhiteSpace(text) || text.Equals(Off, StringComparison.OrdinalIgnoreCase))
            return null;
        if (!HalfLife.TryParse(text, out var halfLife))
            return ParameterProblem.For("recency", $"recency must be a half-life, {HalfLife.Format}, or '{Off}'; not '{ParameterProblem.Echo(Recency)}'.");
        decayed = request with { Recency = new RecencyDecay(halfLife, Clock.GetUtcNow()) };
        return null;
    }
}
