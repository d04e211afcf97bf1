using Lucene.Net.Analysis;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>Matching articles together as one batch finds exactly what matching each article alone finds.</summary>
public sealed class AlertBatchMatchingTests : IDisposable
{
    private const int Articles = 400;

    private static readonly (string Q, QuerySyntax Syntax, string[]? Region, DateTimeOffset? From)[] Saved =
    [
        ("oil", QuerySyntax.Simple, null, null),
        ("crude oil prices", QuerySyntax.Simple, null, null),
        ("\"interest rates\"", QuerySyntax.Simple, null, null),
        ("\"rates interest\"", QuerySyntax.Simple, null, null),
        ("wheat -corn", QuerySyntax.Simple, null, null),
        ("cocoa", QuerySyntax.Simple, ["Brazil"], null),
        ("coffee", QuerySyntax.Simple, null, null),
        ("shares", QuerySyntax.Simple, null, new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero)),
        ("export*", QuerySyntax.Simple, null, null),
        ("title:oil AND price*", QuerySyntax.Lucene, null, null),
        ("deficit", QuerySyntax.Simple, null, null),
        ("said", QuerySyntax.Simple, null, null),
    ];

    private readonly Analyzer analyzer = IndexSchema.CreateAnalyzer();

    [ReutersFact]
    [Trait("Category", "Slow")]
    public void Articles_matched_as_one_batch_give_the_alert_and_paragraph_pairs_each_article_gives_alone()
    {
        var extractor = NewsFacetExtractor.Load();
        List<SearchableArticle> written;
        using (var file = File.OpenRead(ReutersCorpus.Path!))
        {
            written = JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles)
                .Select(a => new SearchableArticle(a, extractor.Extract(a))).ToList();
        }
        var compiler = new AlertQueryCompiler(analyzer, Synonyms.Load(), QueryCostLimits.Default, () => null);
        var alerts = new AlertPresearcher(Saved.Select((s, n) =>
            compiler.Compile(new Alert($"a{n:D2}", DateTimeOffset.UtcNow, new SavedQuery(s.Q, s.Syntax, Region: s.Region, From: s.From), null))));
        var matcher = new AlertMatcher(analyzer);

        var together = Pairs(matcher.Match(written, alerts));
        var alone = written.SelectMany(w => Pairs(matcher.Match([w], alerts))).ToList();

        Assert.True(together.Select(p => p.Alert).Distinct().Count() >= 10,
            $"Too few alerts matched to compare: {string.Join(", ", together.Select(p => p.Alert).Distinct())} in {together.Count} pairs.");
        Assert.Equal(alone.Order(), together.Order());
    }

    private static List<(string Alert, string Article, int Paragraph)> Pairs(IReadOnlyList<AlertEvent> matched) =>
        matched.Select(e => e.Notice).SelectMany(n => n.Hits.Select(h => (n.AlertId, h.ArticleId, h.Paragraph))).ToList();

    public void Dispose() => analyzer.Dispose();
}
