using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Alerts;

/// <summary>
/// The terms a query needs, for the presearcher (Luwak's and Lucene Monitor's term-filtered presearcher): a set of
/// index terms of which every matching paragraph holds at least one, so a paragraph holding none of them is not worth
/// running the query against. A conjunction needs only one of its required clauses' sets (the one of longest terms:
/// longer terms are rarer, so fewer paragraphs wake the query up); a disjunction needs the union of its clauses'.
/// Queries that match by pattern (prefixes, wildcards, fuzzy terms, ranges) or match everything give no set (null):
/// they are tried against every paragraph.
/// </summary>
public static class PresearchTerms
{
    /// <summary>How a term is named in the sets: field and text.</summary>
    public static string Key(string field, string text) => field + ":" + text;

    public static IReadOnlySet<string>? Of(Query query) => query switch
    {
        TermQuery term => Set(term.Term),
        PhraseQuery phrase => Best(phrase.GetTerms().Select(t => Set(t)).ToList()),
        MultiPhraseQuery multi => Best(multi.GetTermArrays().Select(position => Set(position)).ToList()),
        BooleanQuery boolean => OfBoolean(boolean),
        DisjunctionMaxQuery max => Union(max.Disjuncts.Select(Of)),
        FilteredQuery filtered => Of(filtered.Query),
        ConstantScoreQuery { Query: { } inner } => Of(inner),
        _ => null,
    };

    private static IReadOnlySet<string>? OfBoolean(BooleanQuery query)
    {
        var required = query.Clauses.Where(c => c.Occur == Occur.MUST).Select(c => Of(c.Query)).ToList();
        if (required.Count > 0)
            return Best(required);
        var optional = query.Clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
        return optional.Count == 0 ? null : Union(optional.Select(c => Of(c.Query)));
    }

    /// <summary>Of sets each of which a match holds a term of, the one that wakes the query least: longest shortest term, then fewest terms.</summary>
    private static IReadOnlySet<string>? Best(IReadOnlyList<IReadOnlySet<string>?> required) =>
        required.OfType<IReadOnlySet<string>>().Where(s => s.Count > 0)
            .OrderByDescending(s => s.Min(t => t.Length)).ThenBy(s => s.Count).FirstOrDefault();

    private static IReadOnlySet<string>? Union(IEnumerable<IReadOnlySet<string>?> any)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in any)
        {
            if (set is null)
                return null;
            union.UnionWith(set);
        }
        return union.Count == 0 ? null : union;
    }

    private static HashSet<string> Set(params Term[] terms) => terms.Select(t => Key(t.Field, t.Text)).ToHashSet(StringComparer.Ordinal);
}
