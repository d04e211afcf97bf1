using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Answers searches at paragraph granularity: ranked hits (BM25, or newest first for an empty query),
/// highlighted snippets, and facet counts over all matches with multi-select semantics.
/// </summary>
public sealed class ParagraphSearcher(SearchIndex index)
{
    private static readonly Sort NewestFirst = new(
        new SortField(IndexSchema.Date, SortFieldType.INT64, reverse: true),
        new SortField(IndexSchema.ArticleId, SortFieldType.STRING),
        new SortField(IndexSchema.Paragraph, SortFieldType.INT32));

    private readonly UserQueryParser simpleParser = new(index.Analyzer);
    private readonly LuceneSyntaxParser luceneParser = new(index.Analyzer);
    private readonly SnippetHighlighter highlighter = new(index.Analyzer);
    private readonly QuestionFeedback feedback = new(index.Analyzer);

    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    public SearchResult Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        var textQuery = Parse(request);
        var matchQuery = textQuery ?? new MatchAllDocsQuery();
        var filtered = IndexSchema.FacetFields.Where(f => request.FilterValues(f).Count > 0).ToList();
        var unfiltered = IndexSchema.FacetFields.Except(filtered).ToList();

        return index.Search(searcher =>
        {
            var rankQuery = textQuery is not null && request.Syntax == QuerySyntax.Simple && simpleParser.IsQuestion(request.Query!)
                ? feedback.Expand(searcher, textQuery)
                : matchQuery;
            var wanted = request.Page * request.PageSize;
            ITopDocsCollector top = textQuery is null
                ? TopFieldCollector.Create(NewestFirst, wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            var counts = new FacetCountsCollector(unfiltered);
            searcher.Search(WithFilters(rankQuery, request, except: null), MultiCollector.Wrap(top, counts));

            var facetCounts = unfiltered.ToDictionary(f => f, counts.CountsOf);
            foreach (var facet in filtered)
            {
                // Counted without this facet's own filter, so other values of it stay selectable.
                var without = new FacetCountsCollector([facet]);
                searcher.Search(WithFilters(matchQuery, request, except: facet), without);
                facetCounts[facet] = without.CountsOf(facet);
            }

            var page = top.GetTopDocs((request.Page - 1) * request.PageSize, request.PageSize);
            var hits = page.ScoreDocs
                .Select(scoreDoc => ToHit(searcher.Doc(scoreDoc.Doc), textQuery is null ? null : scoreDoc.Score, textQuery))
                .ToList();

            return new SearchResult(
                top.TotalHits, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, hits,
                new FacetCounts(
                    Ranked(facetCounts[IndexSchema.Region], request.Region, request.FacetSize),
                    Ranked(facetCounts[IndexSchema.Topic], request.Topic, request.FacetSize),
                    Ranked(facetCounts[IndexSchema.Speaker], request.Speaker, request.FacetSize)));
        });
    }

    private Query? Parse(SearchRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            return null;
        return request.Syntax == QuerySyntax.Lucene
            ? luceneParser.Parse(request.Query)
            : simpleParser.Parse(request.Query);
    }

    private static Query WithFilters(Query query, SearchRequest request, string? except)
    {
        var filters = new BooleanQuery();
        foreach (var facet in IndexSchema.FacetFields.Where(f => f != except))
        {
            var values = request.FilterValues(facet);
            if (values.Count == 0)
                continue;
            var anyValue = new BooleanQuery();
            foreach (var value in values)
                anyValue.Add(new TermQuery(new Term(facet, value)), Occur.SHOULD);
            filters.Add(anyValue, Occur.MUST);
        }
        // A filter narrows the matches without changing their scores.
        return filters.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filters));
    }

    /// <summary>Most frequent first, then by value; values the user selected are always listed, so they can be unticked.</summary>
    private static IReadOnlyList<FacetValue> Ranked(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string>? selected, int size)
    {
        var ranked = counts
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .OrderByDescending(v => v.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(size)
            .ToList();
        foreach (var value in selected ?? [])
        {
            if (ranked.All(v => v.Value != value))
                ranked.Add(new FacetValue(value, counts.GetValueOrDefault(value)));
        }
        return ranked;
    }

    private SearchHit ToHit(Lucene.Net.Documents.Document doc, float? score, Query? query)
    {
        var text = StoredParagraph.Get(doc, IndexSchema.Text);
        return new SearchHit(
            StoredParagraph.Get(doc, IndexSchema.Id),
            StoredParagraph.Get(doc, IndexSchema.ArticleId),
            StoredParagraph.ParagraphNumber(doc),
            StoredParagraph.Get(doc, IndexSchema.Title),
            StoredParagraph.Date(doc),
            StoredParagraph.GetOptional(doc, IndexSchema.Source),
            score,
            highlighter.Highlight(query, text),
            text,
            StoredParagraph.GetAll(doc, IndexSchema.Region),
            StoredParagraph.GetAll(doc, IndexSchema.Topic),
            StoredParagraph.GetAll(doc, IndexSchema.Speaker));
    }
}
