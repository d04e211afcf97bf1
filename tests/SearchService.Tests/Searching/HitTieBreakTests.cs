using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// Hits that tie are in article id order, then paragraph order (<see cref="HitTieBreak"/>), whatever the unit of the
/// hits and their order, for questions too, and wherever the articles were indexed.
/// </summary>
public sealed class HitTieBreakTests : IDisposable
{
    // Each article is made searchable on its own, so each lands in a segment of its own; none has a date.
    private readonly TestIndex tied = new TestIndex()
        .Add(new Article("c", "Agenda", [Sentence]))
        .Add(new Article("a", "Agenda", [Sentence]))
        .Add(new Article("b", "Agenda", [Sentence, Sentence]));

    private const string Sentence = "The ministers said the yen and the trade talks were on the agenda.";

    private const string Question = "what did the ministers say about the yen and the trade talks";

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
    [InlineData("yen talks", ResultOrder.Relevance)]
    [InlineData("yen talks", ResultOrder.Date)]
    [InlineData(Question, ResultOrder.Relevance)]
    public void Tied_paragraph_hits_are_in_article_then_paragraph_order(string query, ResultOrder order)
    {
        var hits = new ParagraphSearcher(tied.Index).Search(new SearchRequest(query, Order: order)).Hits;

        Assert.Equal(["a#1", "b#1", "b#2", "c#1"], hits.Select(h => $"{h.ArticleId}#{h.Paragraph}"));
    }

    [Theory]
    [InlineData("yen talks", ResultOrder.Relevance)]
    [InlineData("yen talks", ResultOrder.Date)]
    [InlineData(Question, ResultOrder.Relevance)]
    [InlineData(null, ResultOrder.Relevance)]
    public void Tied_article_hits_are_in_article_order_each_with_its_first_paragraph(string? query, ResultOrder order)
    {
        var hits = new ParagraphSearcher(tied.Index).Search(new SearchRequest(query, Unit: ResultUnit.Article, Order: order)).Hits;

        Assert.Equal(["a#1", "b#1", "c#1"], hits.Select(h => $"{h.ArticleId}#{h.Paragraph}"));
    }

    public void Dispose() => tied.Dispose();
}
