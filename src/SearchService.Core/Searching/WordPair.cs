using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Two terms of a question (as indexed) that add to a paragraph's score where they stand at most <see cref="Slop"/>
/// moves apart, in either field (<see cref="SearchFields.AnyField"/>): a Lucene sloppy phrase of the two, weighted
/// <see cref="Weight"/>. Scored by <see cref="PairProximity"/> for re-scored paragraphs, exactly as the query.
/// </summary>
public sealed record WordPair(string First, string Second, int Slop, float Weight)
{
    /// <summary>The pair as the Lucene query it scores as, in every field: to explain a score.</summary>
    public Query ToQuery() =>
        SearchFields.AnyField((field, boost) =>
        {
            var pair = new PhraseQuery { Slop = Slop, Boost = boost * Weight };
            pair.Add(new Term(field, First));
            pair.Add(new Term(field, Second));
            return pair;
        })!;
}
