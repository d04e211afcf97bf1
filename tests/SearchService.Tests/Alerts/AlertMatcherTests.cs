using Lucene.Net.Analysis;
using SearchService.Core.Alerts;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>An alert matches a new paragraph exactly when /search would find that paragraph with the alert's query and filters.</summary>
public sealed class AlertMatcherTests : IDisposable
{
    private readonly TestIndex index = new();
    private readonly AlertQueryCompiler compiler;
    private readonly AlertMatcher matcher;
    private readonly ParagraphSearcher searcher;

    public AlertMatcherTests()
    {
        compiler = new AlertQueryCompiler(index.Index.Analyzer, Synonyms.Load(), QueryCostLimits.Default, () => null);
        matcher = new AlertMatcher(index.Index.Analyzer);
        searcher = new ParagraphSearcher(index.Index);
    }

    public static TheoryData<string, string, string[]?> Alerts => new()
    {
        { "cocoa", "simple", null },
        { "drought", "simple", null },
        { "\"cocoa zone\"", "simple", null },
        { "\"zone cocoa\"", "simple", null },
        { "cocoa -drought", "simple", null },
        { "temporao", "simple", new[] { "South America" } },
        { "temporao", "simple", new[] { "Africa" } },
        { "cocoa AND NOT showers", "lucene", null },
        { "title:review AND late", "lucene", null },
        { "dro*", "simple", null },
    };

    [Theory]
    [MemberData(nameof(Alerts))]
    public void An_alert_matches_the_paragraphs_a_search_finds(string q, string syntax, string[]? region)
    {
        var article = NewsArticles.Cocoa("cocoa-1");
        var facets = new ArticleFacets(ParagraphFacets.Empty, [TestIndex.FacetsOf(region: ["Brazil"]), TestIndex.FacetsOf(region: ["Brazil"])],
            new Dictionary<string, IReadOnlyList<string>> { ["Brazil"] = ["South America", "Americas"] });
        index.Index.WaitForGeneration(index.Index.ReplaceArticle(article, facets, null), TestIndex.SearchableWithin);
        var saved = new SavedQuery(q, syntax == "lucene" ? QuerySyntax.Lucene : QuerySyntax.Simple, Region: region);
        var alert = compiler.Compile(new Alert("a1", DateTimeOffset.UtcNow, saved, null));

        var matched = matcher.Match([new SearchableArticle(article, facets)], new AlertPresearcher([alert]))
            .SelectMany(e => e.Notice.Hits).Select(h => h.Paragraph);
        var found = searcher.Search(new SearchRequest(q, saved.Syntax, Region: region, PageSize: 10)).Hits.Select(h => h.Paragraph);

        Assert.Equal(found.Order(), matched.Order());
    }

    [Fact]
    public void A_hit_carries_the_paragraph_its_headline_and_a_highlighted_snippet()
    {
        var article = NewsArticles.Cocoa("cocoa-2");
        var facets = new ArticleFacets(ParagraphFacets.Empty, [TestIndex.FacetsOf(topic: ["Commodities"]), ParagraphFacets.Empty]);
        var alert = compiler.Compile(new Alert("a2", DateTimeOffset.UtcNow, new SavedQuery("drought"), null));

        var hit = Assert.Single(Assert.Single(matcher.Match([new SearchableArticle(article, facets)], new AlertPresearcher([alert]))).Notice.Hits);

        Assert.Equal(("cocoa-2", 1, "Bahia cocoa review"), (hit.ArticleId, hit.Paragraph, hit.Title));
        Assert.Contains("<mark>drought</mark>", hit.Snippet);
        Assert.Equal(["Commodities"], hit.Topic);
        Assert.Equal(article.Date, hit.Date);
    }

    [Theory]
    [InlineData("drought")]
    [InlineData("\"cocoa zone\" showers")]
    [InlineData("dro*")]
    public void Each_hit_s_snippet_is_the_one_search_makes_for_the_paragraph(string q)
    {
        var article = NewsArticles.Cocoa("cocoa-3");
        var facets = new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty, ParagraphFacets.Empty]);
        var alert = compiler.Compile(new Alert("a3", DateTimeOffset.UtcNow, new SavedQuery(q), null));
        var highlighter = new SnippetHighlighter(index.Index.Analyzer);

        var hits = matcher.Match([new SearchableArticle(article, facets)], new AlertPresearcher([alert])).SelectMany(e => e.Notice.Hits).ToList();

        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal(highlighter.Highlight(alert.Query, article.Paragraphs[hit.Paragraph - 1]), hit.Snippet));
    }

    [Fact]
    public void The_same_version_of_an_article_matched_again_has_the_same_event_id_and_a_new_version_another()
    {
        var article = NewsArticles.Cocoa("cocoa-4");
        var facets = new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty, ParagraphFacets.Empty]);
        var alerts = new AlertPresearcher([compiler.Compile(new Alert("a4", DateTimeOffset.UtcNow, new SavedQuery("cocoa"), null))]);
        var revised = article with { Paragraphs = [.. article.Paragraphs.Select(p => p.Replace("cocoa", "cocoa beans"))] };

        var first = Assert.Single(matcher.Match([new SearchableArticle(article, facets)], alerts)).Id;
        var again = Assert.Single(matcher.Match([new SearchableArticle(article with { }, facets)], alerts)).Id;
        var other = Assert.Single(matcher.Match([new SearchableArticle(revised, facets)], alerts)).Id;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    public void Dispose() => index.Dispose();
}
