using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Query-string parameters that say what is searched — the query, the filters, the dates and the unit of the hits —
/// shared by <c>GET /search</c> and <c>GET /facets/{name}</c>.
/// </summary>
public sealed class SearchScopeParameters
{
    public const int MaxQueryLength = 1_000;
    public const int MaxFilterValues = 20;

    [Example("terrorism")]
    [FromQuery(Name = "q")]
    [Description("What to search for, at most 1,000 characters; empty: every paragraph, newest article first. With syntax=simple (never an error): up to 3 words are all required; more than 3 distinct plain words are a question, matched by any of its words and ranked by how many and how rare, question words ('what', 'has anyone') left out. \"Quoted phrases\" (\"crude prices\"~3: their words up to 3 positions apart, in any order), OR-ed words and prefix* (2+ characters) are required and -excluded (or NOT) words and phrases left out either way. Words are also looked for in the headline, in their other forms, as synonyms and, when misspelt, as their likely correction (didYouMean). With syntax=lucene: Lucene query syntax.")]
    public string? Q { get; init; }

    [Example("simple")]
    [FromQuery(Name = "syntax")]
    [Description("How q is read: 'simple' (default; forgiving, never an error) or 'lucene': full Lucene query syntax over the fields text (default), title, region, topic, speaker and articleId, AND between clauses; a syntax error is a 400 naming q. Costly patterns are refused before they run, as a 400 naming q: leading wildcards and one-letter prefixes; a regular expression over 1,000 characters; a regular expression, wildcard or fuzzy term that compiles to more than 10,000 automaton states (20,000 for the whole query); and, where Search:AllowExpensiveQueries is false, every regular expression, wildcard, fuzzy term, prefix and range. At most Search:ExpensiveQueryConcurrency lucene searches (and simple ones with a phrase slop) run at once (503 beyond), each stopped past Search:QueryTimeBudgetMs (503).")]
    public string? Syntax { get; init; }

    [Example("Afghanistan")]
    [FromQuery(Name = "region")]
    [Description("Only paragraphs about this region or a place within it (region=Asia includes paragraphs about Pakistan). Repeat for several: values of one facet are OR-ed, different facets AND-ed.")]
    public string[]? Region { get; init; }

    [Example("Counter-terrorism")]
    [FromQuery(Name = "topic")]
    [Description("Only paragraphs on this topic. Repeatable like region.")]
    public string[]? Topic { get; init; }

    [Example("Foreign Office")]
    [FromQuery(Name = "speaker")]
    [Description("Only paragraphs whose statements are attributed to this person or body, or in which they act. Repeatable like region.")]
    public string[]? Speaker { get; init; }

    [Example("article")]
    [FromQuery(Name = "collapse")]
    [Description("'none' (default): every matching paragraph is a hit, and facet counts are in paragraphs. 'article': one hit per article, its best paragraph, with otherMatches (how many other paragraphs of the article match); totalArticles is given besides total (paragraphs), and facet counts are in articles (an article counts once for a value when any of its matching paragraphs has it). Use 'article' for a search box.")]
    public string? Collapse { get; init; }

    [Example("1987-03-01")]
    [FromQuery(Name = "from")]
    [Description("Only articles published on or after this: a day (1987-03-01, from its start, UTC) or a date and time (1987-03-01T12:00:00Z; without a zone, UTC). Articles without a date are left out whenever from or to is given.")]
    public string? From { get; init; }

    [Example("1987-03-31")]
    [FromQuery(Name = "to")]
    [Description("Only articles published on or before this: a day (1987-03-31, to its end, UTC) or a date and time. Not before from.")]
    public string? To { get; init; }

    /// <summary>Checks the scope's parameters; returns the problem naming the first one at fault, or null with the request (other settings at their defaults).</summary>
    public ProblemHttpResult? ValidateScope(out SearchRequest request)
    {
        request = null!;
        if (Q is { Length: > MaxQueryLength })
            return ParameterProblem.For("q", $"q may be at most {MaxQueryLength} characters long; it has {Q.Length}.");
        if (ParameterProblem.ReadChoice("syntax", Syntax, QuerySyntax.Simple, out var syntax,
                ("simple", QuerySyntax.Simple), ("lucene", QuerySyntax.Lucene)) is { } badSyntax)
            return badSyntax;
        foreach (var (name, values) in new[] { ("region", Region), ("topic", Topic), ("speaker", Speaker) })
        {
            if (values is { Length: > MaxFilterValues })
                return ParameterProblem.For(name, $"At most {MaxFilterValues} {name} values may be given at once; there were {values.Length}.");
        }
        if (ParameterProblem.ReadChoice("collapse", Collapse, ResultUnit.Paragraph, out var unit,
                ("none", ResultUnit.Paragraph), ("article", ResultUnit.Article)) is { } badCollapse)
            return badCollapse;
        if (ReadDate("from", From, endOfDay: false, out var from) is { } badFrom)
            return badFrom;
        if (ReadDate("to", To, endOfDay: true, out var to) is { } badTo)
            return badTo;
        if (from > to)
            return ParameterProblem.For("to", $"to ({To}) is before from ({From}).");
        var dates = from is null && to is null ? null : new DateRange(from, to);

        request = new SearchRequest(Q, syntax, Clean(Region), Clean(Topic), Clean(Speaker), Unit: unit, Dates: dates);
        return null;
    }

    internal static ProblemHttpResult? ReadDate(string name, string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!DateBound.TryParse(text.Trim(), endOfDay, out var bound))
            return ParameterProblem.For(name, $"{name} must be {DateBound.Forms}, not '{ParameterProblem.Echo(text)}'.");
        value = bound;
        return null;
    }

    internal static string[] Clean(string[]? values) =>
        values?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
