using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>The search side's hooks on the readers the index opens.</summary>
public sealed class SearcherProviderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void Warmer_sees_each_new_reader_before_searches_do_and_knows_the_first()
    {
        var warmed = new List<(IndexReader Reader, bool First)>();
        var provider = new SearcherProvider().AddWarmer((reader, first) => warmed.Add((reader, first)));
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, provider);
        var article = new Article("a1", "Floods", ["Rivers rose in Pakistan."]);
        index.WaitForGeneration(index.ReplaceArticle(article, new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty]), null), TestIndex.SearchableWithin);

        var searched = index.Search(searcher => searcher.IndexReader);

        Assert.Equal([true, false], warmed.Select(w => w.First));
        Assert.Same(warmed[^1].Reader, searched);
    }

    public void Dispose() => folder.Dispose();
}
