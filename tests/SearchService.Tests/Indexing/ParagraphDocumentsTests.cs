using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public sealed class ParagraphDocumentsTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void Each_paragraph_keeps_its_own_facet_values_when_paragraphs_have_different_numbers_of_them()
    {
        // Exact-term fields are reused from one paragraph document to the next: none may leak into the next paragraph.
        index.Add(new Article("a1", "Talks", ["Kabul and Islamabad met.", "Moscow watched.", "Nobody else came."]),
            TestIndex.FacetsOf(region: ["Afghanistan", "Pakistan"], speaker: ["Foreign Office"]),
            TestIndex.FacetsOf(region: ["Russia"]),
            TestIndex.FacetsOf());
        var searcher = new ParagraphSearcher(index.Index);

        var hits = searcher.Search(new SearchRequest(null, PageSize: 10)).Hits.OrderBy(h => h.Paragraph).ToList();

        Assert.Equal([["Afghanistan", "Pakistan"], ["Russia"], []], hits.Select(h => h.Region.Order().ToArray()));
        Assert.Equal([["Foreign Office"], [], []], hits.Select(h => h.Speaker.ToArray()));
        Assert.Equal(["a1#1", "a1#2", "a1#3"], hits.Select(h => h.Id));
    }

    [Fact]
    public void A_region_filter_finds_only_the_paragraphs_that_carry_the_region()
    {
        index.Add(new Article("a1", "Talks", ["Kabul and Islamabad met.", "Moscow watched."]),
            TestIndex.FacetsOf(region: ["Afghanistan", "Pakistan"]),
            TestIndex.FacetsOf(region: ["Russia"]));
        index.Add(new Article("a2", "More talks", ["Islamabad again."]), TestIndex.FacetsOf(region: ["Pakistan"]));
        var searcher = new ParagraphSearcher(index.Index);

        var hits = searcher.Search(new SearchRequest(null, Region: ["Pakistan"], PageSize: 10)).Hits;

        Assert.Equal(["a1#1", "a2#1"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Each_paragraph_holds_the_scopes_and_path_prefixes_of_its_own_regions_each_once()
    {
        // A region's path and prefixes are worked out once an article and shared by its paragraphs: none may leak into
        // another paragraph, and a value two regions share (or a region given twice) is indexed once.
        var ancestors = TestIndex.RegionAncestors();
        var facets = new ArticleFacets(ParagraphFacets.Empty,
            [TestIndex.FacetsOf(region: ["Pakistan", "India"]), TestIndex.FacetsOf(region: ["Pakistan", "Pakistan"]), TestIndex.FacetsOf(region: ["Russia"]), ParagraphFacets.Empty],
            ancestors);
        Assert.True(index.Index.WaitForGeneration(index.Index.ReplaceArticle(
            new Article("a1", "Talks", ["Kabul and Delhi.", "Islamabad.", "Moscow.", "Nobody."]), facets, null), TestIndex.SearchableWithin));

        var (scopes, paths, stored) = index.Index.Search(searcher => (
            TermsByParagraph(searcher, IndexSchema.RegionScope),
            DocValuesByParagraph(searcher, IndexSchema.RegionPath),
            Enumerable.Range(0, searcher.IndexReader.MaxDoc).Select(doc => searcher.Doc(doc).GetValues(IndexSchema.Region)).ToList()));

        Assert.Equal([["Asia", "India", "Pakistan", "South Asia"], ["Asia", "Pakistan", "South Asia"], ["Europe", "Russia"]], scopes);
        var separator = IndexSchema.RegionPathSeparator;
        Assert.Equal(
        [
            ["Asia", $"Asia{separator}South Asia", $"Asia{separator}South Asia{separator}India", $"Asia{separator}South Asia{separator}Pakistan"],
            ["Asia", $"Asia{separator}South Asia", $"Asia{separator}South Asia{separator}Pakistan"],
            ["Europe", $"Europe{separator}Russia"],
            [],
        ], paths);
        Assert.Equal([["Pakistan", "India"], ["Pakistan"], ["Russia"], []], stored);
    }

    [Fact]
    public void A_region_is_given_the_ancestors_its_own_article_names()
    {
        // Region paths are kept from one article to the next on a thread: an article naming other ancestors for the
        // same region (or none) gets its own.
        void Add(string id, Dictionary<string, IReadOnlyList<string>>? ancestors) => Assert.True(index.Index.WaitForGeneration(
            index.Index.ReplaceArticle(new Article(id, "Talks", ["Islamabad."]),
                new ArticleFacets(ParagraphFacets.Empty, [TestIndex.FacetsOf(region: ["Pakistan"])], ancestors), null), TestIndex.SearchableWithin));
        Add("a1", new() { ["Pakistan"] = ["South Asia", "Asia"] });
        Add("a2", null);
        Add("a3", new() { ["Pakistan"] = ["Asia"] });

        int Count(string field, string value) =>
            index.Index.Search(searcher => searcher.Search(new TermQuery(new Term(field, value)), 10).TotalHits);

        Assert.Equal((1, 2, 3), (Count(IndexSchema.RegionScope, "South Asia"), Count(IndexSchema.RegionScope, "Asia"), Count(IndexSchema.RegionScope, "Pakistan")));
    }

    [Theory]
    [InlineData(IndexSchema.Text)]
    [InlineData(IndexSchema.Words)]
    public void Each_paragraph_holds_the_terms_the_schema_analysis_gives_its_own_text(string field)
    {
        // The text and its suggestion words come from one tokenizing, reused from paragraph to paragraph: each must
        // match what the field's analyzer makes of that paragraph alone.
        string[] paragraphs =
        [
            "Japan's Foreign Ministry said talks with the U.S. on rice imports would resume in Tokyo next week.",
            "Oil prices rose 5.2 pct in heavy trading, dealers said, as OPEC ministers met in Vienna.",
            "The ministry's statement gave no date.",
        ];
        index.Add(new Article("a1", "Rice talks resume", paragraphs));
        var analyzer = IndexSchema.CreateAnalyzer();

        var indexed = index.Index.Search(searcher => TermsByParagraph(searcher, field));

        Assert.Equal(paragraphs.Select(p => AnalyzedTerms.Of(analyzer, p, field).Distinct().Order(StringComparer.Ordinal).ToList()).ToList(), indexed);
    }

    [Fact]
    public void Each_paragraph_holds_the_terms_and_positions_the_schema_analysis_gives_its_article_title()
    {
        // The title is analysed once an article and replayed into each of its paragraphs: every paragraph of each
        // article must hold what the analyzer makes of that article's title alone, stop words' gaps included.
        string[] titles = ["The U.S. and Japan's rice talks to resume in Tokyo", "OPEC output cut of 5.2 pct seen as a must"];
        index.Add(new Article("a1", titles[0], ["Talks resume next week.", "No date was given.", "Dealers said so."]));
        index.Add(new Article("a2", titles[1], ["Ministers met in Vienna.", "Prices rose."]));
        var analyzer = IndexSchema.CreateAnalyzer();

        var indexed = index.Index.Search(searcher => TitlePositionsByParagraph(searcher.IndexReader));

        List<string> Expected(string title) => TitlePositions(analyzer, title);
        Assert.Equal([Expected(titles[0]), Expected(titles[0]), Expected(titles[0]), Expected(titles[1]), Expected(titles[1])], indexed);
        Assert.Equal(titles, index.Index.Search(searcher => new[] { 0, 3 }.Select(doc => searcher.Doc(doc).Get(IndexSchema.Title)).ToArray()));
    }

    // "term@position" of the title field, in position order, per paragraph document in document order.
    private static List<List<string>> TitlePositionsByParagraph(IndexReader reader)
    {
        var byDoc = new SortedDictionary<int, List<(int Position, string Term)>>();
        var termsEnum = MultiFields.GetTerms(reader, IndexSchema.Title).GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var positions = termsEnum.DocsAndPositions(MultiFields.GetLiveDocs(reader), null);
            for (var doc = positions.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = positions.NextDoc())
                for (var i = 0; i < positions.Freq; i++)
                {
                    if (!byDoc.TryGetValue(doc, out var terms))
                        byDoc[doc] = terms = [];
                    terms.Add((positions.NextPosition(), termsEnum.Term.Utf8ToString()));
                }
        }
        return byDoc.Values.Select(t => t.Order().Select(p => $"{p.Term}@{p.Position}").ToList()).ToList();
    }

    private static List<string> TitlePositions(Lucene.Net.Analysis.Analyzer analyzer, string title)
    {
        using var stream = analyzer.GetTokenStream(IndexSchema.Title, title);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var terms = new List<string>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add($"{term}@{position}");
        }
        stream.End();
        return terms;
    }

    private static List<List<string>> TermsByParagraph(IndexSearcher searcher, string field)
    {
        var reader = searcher.IndexReader;
        var byDoc = new SortedDictionary<int, List<string>>();
        var termsEnum = MultiFields.GetTerms(reader, field).GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var docs = termsEnum.Docs(MultiFields.GetLiveDocs(reader), null, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var paragraph = reader.Document(doc).GetField(IndexSchema.Paragraph).GetInt32Value()!.Value;
                if (!byDoc.TryGetValue(paragraph, out var terms))
                    byDoc[paragraph] = terms = [];
                terms.Add(termsEnum.Term.Utf8ToString());
            }
        }
        return byDoc.Values.Select(t => t.Order(StringComparer.Ordinal).ToList()).ToList();
    }

    // Each document's values of a sorted-set doc-values field, in document order (one article: its paragraphs in order).
    private static List<List<string>> DocValuesByParagraph(IndexSearcher searcher, string field)
    {
        var values = MultiDocValues.GetSortedSetValues(searcher.IndexReader, field);
        var byDoc = new List<List<string>>();
        for (var doc = 0; doc < searcher.IndexReader.MaxDoc; doc++)
        {
            var ofDoc = new List<string>();
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                var value = new Lucene.Net.Util.BytesRef();
                values.LookupOrd(ord, value);
                ofDoc.Add(value.Utf8ToString());
            }
            byDoc.Add(ofDoc);
        }
        return byDoc;
    }

    public void Dispose() => index.Dispose();
}
