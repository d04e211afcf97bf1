using Lucene.Net.Analysis;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// Builds an alert's query as <c>/search</c> builds it: the same analyzer, the same parsers (simple syntax with the
/// same synonyms and word forms, or Lucene syntax under the same cost limits) and the same facet filters, speaker
/// variants included. Words are taken as typed: a search's spelling corrections come from what the index holds at the
/// moment, which an alert, matched against each new paragraph alone, does not have.
/// </summary>
public sealed class AlertQueryCompiler(Analyzer analyzer, Synonyms synonyms, QueryCostLimits limits, Func<SpeakerIdentities?> speakers)
{
    private readonly UserQueryParser simple = new(analyzer, synonyms);
    private readonly LuceneSyntaxParser lucene = new(analyzer, limits);

    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    public AlertQuery Compile(Alert alert)
    {
        var saved = alert.Query;
        var query = saved.Syntax == QuerySyntax.Lucene ? lucene.Parse(saved.Q) : simple.Parse(saved.Q);
        var identities = speakers();
        var matches = new SearchFilters(query, saved.ToSearchRequest(), identities).All;
        var filterTerms = new List<IReadOnlySet<string>>();
        if (saved.Region is { Count: > 0 } regions)
            filterTerms.Add(Keys(IndexSchema.Region, regions).Concat(Keys(IndexSchema.RegionScope, regions)).ToHashSet(StringComparer.Ordinal));
        if (saved.Topic is { Count: > 0 } topics)
            filterTerms.Add(Keys(IndexSchema.Topic, topics).ToHashSet(StringComparer.Ordinal));
        if (saved.Speaker is { Count: > 0 } names)
        {
            var variants = identities is null ? names : names.SelectMany(identities.FilterValues).Distinct().ToList();
            filterTerms.Add(Keys(IndexSchema.Speaker, variants).ToHashSet(StringComparer.Ordinal));
        }
        return new AlertQuery(alert, matches, query, saved.Dates, PresearchTerms.Of(query), filterTerms);
    }

    private static IEnumerable<string> Keys(string field, IEnumerable<string> values) => values.Select(v => PresearchTerms.Key(field, v));
}
