using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching.Cursors;

/// <summary>The first Reuters articles in one index, with cursor paging over it; shared by the tests of a class.</summary>
public sealed class ReutersCursorIndex : IDisposable
{
    public const int Articles = 1500;

    private readonly TestIndex index = new();

    public ReutersCursorIndex()
    {
        if (ReutersCorpus.Path is null)
            return;
        var extractor = NewsFacetExtractor.Load();
        using (var file = File.OpenRead(ReutersCorpus.Path))
        {
            foreach (var article in JsonlArticleReader.Read(file, ReutersCorpus.Path, _ => { }).Take(Articles))
                index.Index.ReplaceArticle(article, extractor.Extract(article), null);
        }
        Assert.True(index.Index.WaitUntilSearchable(TimeSpan.FromSeconds(60)));
        Searcher = new ParagraphSearcher(index.Index);
        Points = new PointsInTime(index.Index);
        Paging = new CursorPaging(Searcher, Points, Codec);
    }

    public CursorCodec Codec { get; } = new();

    public ParagraphSearcher Searcher { get; } = null!;

    public PointsInTime Points { get; } = null!;

    public CursorPaging Paging { get; } = null!;

    public SearchService.Core.Indexing.SearchIndex Index => index.Index;

    public void Dispose()
    {
        Points?.Dispose();
        index.Dispose();
    }
}
