using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// Hits that tie are in article id order, then paragraph order, whatever the unit of the hits and their order, and
/// wherever the articles were indexed.
/// </summary>
public sealed class HitTieBreakTests : IDisposable
{
    private const string Sentence = "Cocoa prices rose in Accra as the harvest began.";

    // Each article is made searchable on its own, so each lands in a segment of its own; none has a date.
    private readonly TestIndex tied = new TestIndex()
        .Add(new Article("c", "Cocoa", [Sentence]))
        .Add(new Article("a", "Cocoa", [Sentence]))
        .Add(new Article("b", "Cocoa", [Sentence, Sentence]));

    [Fact]
    public void Documents_in_different_segments_are_compared_by_their_article_ids()
    {
        var order = tied.Index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var docs = Enumerable.Range(0, reader.MaxDoc).ToList();
            docs.Sort(new HitTieBreak(reader));
            return docs.Select(doc => StoredHitVisitor.Read(searcher, doc)).Select(s => $"{s.ArticleId}#{s.Paragraph}").ToList();
        });

        Assert.Equal(["a#1", "b#1", "b#2", "c#1"], order);
    }

    [Theory]
    [InlineData(ResultOrder.Relevance)]
    [InlineData(ResultOrder.Date)]
    public void Tied_paragraph_hits_are_in_article_then_paragraph_order(ResultOrder order)
    {
        var hits = new ParagraphSearcher(tied.Index).Search(new SearchRequest("cocoa harvest", Order: order)).Hits;

        Assert.Equal(["a#1", "b#1", "b#2", "c#1"], hits.Select(h => $"{h.ArticleId}#{h.Paragraph}"));
    }

    [Theory]
    [InlineData("cocoa harvest", ResultOrder.Relevance)]
    [InlineData("cocoa harvest", ResultOrder.Date)]
    [InlineData(null, ResultOrder.Relevance)]
    public void Tied_article_hits_are_in_article_order_each_with_its_first_paragraph(string? query, ResultOrder order)
    {
        var hits = new ParagraphSearcher(tied.Index).Search(new SearchRequest(query, Unit: ResultUnit.Article, Order: order)).Hits;

        Assert.Equal(["a#1", "b#1", "c#1"], hits.Select(h => $"{h.ArticleId}#{h.Paragraph}"));
    }

    public void Dispose() => tied.Dispose();
}
