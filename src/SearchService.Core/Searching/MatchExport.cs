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
            foreach (var (line, _) in From(point.Searcher, weight, ranked, perArticle, from: 0))
                yield return line;
        }
    }

    /// <summary>
    /// The matches of <paramref name="weight"/> in <paramref name="searcher"/>'s reader in index order from the document
    /// <paramref name="from"/> on, each with the document to go on from after it (a shard's export page ends at one and
    /// the next begins there). The scorer is advanced to <paramref name="from"/> through the postings' skip lists, so
    /// the matches before it are not read: a page costs its own matches, not those of the pages before it.
    /// </summary>
    internal static IEnumerable<(ExportedHit Line, int Next)> From(IndexSearcher searcher, Weight weight, bool ranked, bool perArticle, int from)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            if (end <= from)
                continue;
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
                continue;
            var starts = perArticle ? ArticleStarts.Of(leaf.AtomicReader) : null;
            (int Start, int Doc, float Score, int Matches)? article = null;
            var first = from > leaf.DocBase ? scorer.Advance(from - leaf.DocBase) : scorer.NextDoc();
            for (var doc = first; doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                var score = ranked ? scorer.GetScore() : 0;
                if (starts is null)
                {
                    yield return (Line(searcher, leaf.DocBase + doc, ranked ? score : null, null), leaf.DocBase + doc + 1);
                    continue;
                }
                // An article's paragraphs are consecutive documents, so its matches come one after another; the next
                // article's first match is where a page ending with this article's line goes on.
                var start = starts.PrevSetBit(doc);
                if (article is { } current && current.Start == start)
                {
                    article = score > current.Score ? (start, doc, score, current.Matches + 1) : current with { Matches = current.Matches + 1 };
                    continue;
                }
                if (article is { } finished)
                    yield return (Line(searcher, leaf.DocBase + finished.Doc, ranked ? finished.Score : null, finished.Matches - 1), leaf.DocBase + doc);
                article = (start, doc, score, 1);
            }
            if (article is { } last)
                yield return (Line(searcher, leaf.DocBase + last.Doc, ranked ? last.Score : null, last.Matches - 1), end);
        }
    }

    /// <summary>The export line of the paragraph <paramref name="doc"/>: its stored fields, no text.</summary>
    private static ExportedHit Line(IndexSearcher searcher, int doc, float? score, int? otherMatches)
    {
        var stored = StoredHitVisitor.Read(searcher, doc);
        return new ExportedHit(
            Article.ParagraphId(stored.ArticleId, stored.Paragraph), stored.ArticleId, stored.Paragraph, stored.Title, stored.Date,
            stored.Source, stored.Url, stored.Byline, stored.Section, stored.Language, stored.Fields, score, stored.Region, stored.Topic, stored.Speaker, otherMatches);
    }
}
