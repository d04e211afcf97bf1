using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Query-string parameters of <c>GET /articles/{id}/related</c>: how many, found how, and the filters of
/// <c>/search</c> (checked as <see cref="SearchScopeParameters"/> checks them).
/// </summary>
public sealed class RelatedParameters
{
    [Example("10")]
    [FromQuery(Name = "size")]
    [Description("How many related articles, best first, 1 to 50 (default 10).")]
    public int? Size { get; init; }

    [Example("words")]
    [FromQuery(Name = "by")]
    [Description("'words' (default): the words the articles share, weighed by how rare they are (Lucene's MoreLikeThis), an article scoring as its best paragraph. 'meaning': those candidates' headline and lead ordered by the language model's similarity to the article's. 'both': the two orders fused (reciprocal rank fusion). 'meaning' and 'both' cost the model's time (about 10 ms of CPU per article the first time) and count as expensive queries (Search:ExpensiveQueryConcurrency); with the model off (Search:SemanticRerankDepth=0) they are a 400.")]
    public string? By { get; init; }

    [Example("Afghanistan")]
    [FromQuery(Name = "region")]
    [Description("Only articles with a paragraph about this region or a place within it. Repeatable; as in /search.")]
    public string[]? Region { get; init; }

    [Example("Counter-terrorism")]
    [FromQuery(Name = "topic")]
    [Description("Only articles with a paragraph on this topic. Repeatable; as in /search.")]
    public string[]? Topic { get; init; }

    [Example("Foreign Office")]
    [FromQuery(Name = "speaker")]
    [Description("Only articles with a paragraph attributed to this speaker. Repeatable; as in /search.")]
    public string[]? Speaker { get; init; }

    [Example("1987-03-01")]
    [FromQuery(Name = "from")]
    [Description("Only articles published on or after this (a day or a date and time, UTC); as in /search.")]
    public string? From { get; init; }

    [Example("1987-03-31")]
    [FromQuery(Name = "to")]
    [Description("Only articles published on or before this; as in /search.")]
    public string? To { get; init; }

    /// <summary>Checks every parameter; returns the problem naming the first one at fault, or null with the request to run.</summary>
    public ProblemHttpResult? Validate(string articleId, bool canUseMeaning, out RelatedRequest request)
    {
        request = null!;
        var size = Size ?? 10;
        if (size is < 1 or > RelatedArticleFinder.MaxSize)
            return ParameterProblem.For("size", $"size must be between 1 and {RelatedArticleFinder.MaxSize}; it was {size}.");
        if (ParameterProblem.ReadChoice("by", By, RelatedBy.Words, out var by,
                ("words", RelatedBy.Words), ("meaning", RelatedBy.Meaning), ("both", RelatedBy.Both)) is { } badBy)
            return badBy;
        if (by != RelatedBy.Words && !canUseMeaning)
            return ParameterProblem.For("by", "Related articles by meaning need the language model, which is turned off on this server (Search:SemanticRerankDepth is 0).");
        var filters = new SearchScopeParameters { Region = Region, Topic = Topic, Speaker = Speaker, From = From, To = To };
        if (filters.ValidateScope(out var search) is { } problem)
            return problem;
        request = new RelatedRequest(articleId, search, size, by);
        return null;
    }
}
