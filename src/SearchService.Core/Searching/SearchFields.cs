using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Which fields a query word is looked for in, how much each counts, and how the fields' scores combine.</summary>
public static class SearchFields
{
    /// <summary>
    /// A word counts as much in the article's headline as in the paragraph: the headline says what the whole article is
    /// about, so a paragraph of an article headlined with the words is likely what is wanted (and with one hit per
    /// article, the headline is the best evidence of which article to show). The paragraph's own text still decides
    /// between paragraphs of one article.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Weighted = [(IndexSchema.Text, 1.0f), (IndexSchema.Title, 1.0f)];

    /// <summary>
    /// What a match in the weaker field adds to one in the stronger. A word in both headline and paragraph is one
    /// subject named twice, not two independent pieces of evidence: summing two BM25 scores would count it twice and
    /// undo BM25's saturation (the reason BM25F scores fields together). Half keeps some credit for the agreement.
    /// </summary>
    public const float OtherFieldShare = 0.5f;

    /// <summary>
    /// The query for one word or phrase in every field: the best field's score plus <see cref="OtherFieldShare"/> of
    /// the others'. <paramref name="inField"/> makes the query for a field and its boost (null when there is none).
    /// </summary>
    public static Query? AnyField(Func<string, float, Query?> inField)
    {
        var best = new DisjunctionMaxQuery(OtherFieldShare);
        foreach (var (field, boost) in Weighted)
        {
            if (inField(field, boost) is { } query)
                best.Add(query);
        }
        return best.Disjuncts.Count == 0 ? null : best;
    }
}
