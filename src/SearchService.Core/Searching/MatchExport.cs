using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;

namespace SearchService.Core.Searching;

/// <summary>
/// Every match of a search, one at a time, as the matches are met: segment by segment in index order, not ranked, so
/// nothing is held but the match at hand (and, with one per article, that article's best paragraph so far). The same
/// query, filters and scope as <see cref="ParagraphSearcher.Search(SearchRequest)"/>, over one point in time
/// (<see cref="PointsInTime"/>), so an export is one version of the index however long it takes.
/// </summary>
public sealed class MatchExport(ParagraphSearcher searcher, PointsInTime points)
{
    /// <summary>
    /// The matches of <paramref name="request"/> (its page, order, facets and re-ranking are ignored): paragraphs, or with
    /// <see cref="ResultUnit.Article"/> each article's best one. The query is parsed before this returns, so a bad one
    /// throws here; enumerate the answer to its end or dispose its enumerator, which releases the point in time.
    /// </summary>
    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    public IEnumerable<ExportedHit> Export(SearchRequest request)
    {
        var point = points.Current();
        try
        {
            var (matches, ranked) = searcher.Matching(point.Searcher, request);
            var weight = point.Searcher.CreateNormalizedWeight(matches);
            return Matches(point, weight, ranked, request.Unit == ResultUnit.Article);
        }
        catch
        {
            point.Dispose();
            throw;
        }
    }

    private static IEnumerable<ExportedHit> Matches(PointInTime point, Weight weight, bool ranked, bool perArticle)
    {
        using (point)
        {
            foreach (var leaf in point.Searcher.IndexReader.Leaves)
            {
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null)
                    continue;
                var starts = perArticle ? ArticleStarts.Of(leaf.AtomicReader) : null;
                (int Start, int Doc, float Score, int Matches)? article = null;
                for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                {
                    var score = ranked ? scorer.GetScore() : 0;
                    if (starts is null)
                    {
                        yield return Line(point.Searcher, leaf.DocBase + doc, ranked ? score : null, null);
                        continue;
                    }
                    // An article's paragraphs are consecutive documents, so its matches come one after another.
                    var start = starts.PrevSetBit(doc);
                    if (article is { } current && current.Start == start)
                    {
                        article = score > current.Score ? (start, doc, score, current.Matches + 1) : current with { Matches = current.Matches + 1 };
                        continue;
                    }
                    if (article is { } finished)
                        yield return Line(point.Searcher, leaf.DocBase + finished.Doc, ranked ? finished.Score : null, finished.Matches - 1);
                    article = (start, doc, score, 1);
                }
                if (article is { } last)
                    yield return Line(point.Searcher, leaf.DocBase + last.Doc, ranked ? last.Score : null, last.Matches - 1);
            }
        }
    }

    /// <summary>The export line of the paragraph <paramref name="doc"/>: its stored fields, no text (a shard's export page reads its lines so too).</summary>
    internal static ExportedHit Line(IndexSearcher searcher, int doc, float? score, int? otherMatches)
    {
        var stored = StoredHitVisitor.Read(searcher, doc);
        return new ExportedHit(
            Article.ParagraphId(stored.ArticleId, stored.Paragraph), stored.ArticleId, stored.Paragraph, stored.Title, stored.Date,
            stored.Source, stored.Url, stored.Byline, stored.Section, stored.Language, stored.Fields, score, stored.Region, stored.Topic, stored.Speaker, otherMatches);
    }
}
