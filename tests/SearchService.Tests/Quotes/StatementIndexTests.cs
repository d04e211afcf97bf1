using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Quotes;

/// <summary>
/// The statements kept beside the index follow its articles on every write path: an API write replaced or deleted, a
/// restart, a corpus file that drops an article, and a rebuild with a write made meanwhile.
/// </summary>
public sealed class StatementIndexTests : IDisposable
{
    private readonly TempDirectory indexFolder = new();
    private readonly TempDirectory corpusFolder = new();

    private WritableIndex Open() => new(indexFolder.Path);

    private static Article Said(string id, string what) => new(id, "Probe", [$"Treasury Secretary James Baker said {what}."]);

    private static int Statements(SearchIndex index, string word)
    {
        Assert.True(index.WaitUntilSearchable(TimeSpan.FromSeconds(10)));
        return index.SearchStatements(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.Text, word)), 10).TotalHits);
    }

    private CorpusIndexer Indexer(WritableIndex service) =>
        new(service.Index, WritableIndex.Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, service.Journal);

    private void WriteCorpus(params string[] ids) =>
        corpusFolder.WriteFile("news.jsonl", string.Concat(ids.Select(id =>
            $"{{\"id\": \"{id}\", \"title\": \"Report {id}\", \"paragraphs\": [\"Treasury Secretary James Baker said the {id} talks had gone well.\"]}}\n")));

    [Fact]
    public async Task Replacing_an_article_replaces_its_statements()
    {
        using var service = Open();
        await service.Store.PutAsync(Said("a", "the dollar had fallen far enough"));
        await service.Store.PutAsync(Said("a", "the yen had risen too far"));
        Assert.Equal((0, 1), (Statements(service.Index, "dollar"), Statements(service.Index, "yen")));
    }

    [Fact]
    public async Task Deleting_an_article_deletes_its_statements()
    {
        using var service = Open();
        await service.Store.PutAsync(Said("a", "the dollar had fallen far enough"));
        Assert.True(await service.Store.DeleteAsync("a"));
        Assert.Equal(0, Statements(service.Index, "dollar"));
    }

    [Fact]
    public async Task Statements_written_before_a_restart_are_there_after_it()
    {
        using (var service = Open())
            await service.Store.PutAsync(Said("a", "the dollar had fallen far enough"));
        using var reopened = Open();
        Assert.Equal(1, Statements(reopened.Index, "dollar"));
    }

    [Fact]
    public void A_corpus_file_that_drops_an_article_drops_its_statements()
    {
        using var service = Open();
        WriteCorpus("tokyo", "paris");
        Indexer(service).Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);
        WriteCorpus("tokyo");
        Indexer(service).Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);
        Assert.Equal((1, 0), (Statements(service.Index, "tokyo"), Statements(service.Index, "paris")));
    }

    [Fact]
    public void A_rebuild_holds_the_corpus_statements_and_those_of_a_write_made_meanwhile()
    {
        using var service = Open();
        WriteCorpus("tokyo");
        var indexer = Indexer(service);
        indexer.Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);
        indexer.Rebuild(new CorpusFolder(corpusFolder.Path), rebuild =>
        {
            service.Journal.ReplayInto(rebuild);
            service.Store.PutAsync(Said("during", "the dollar had fallen far enough")).GetAwaiter().GetResult();
        }, null, CancellationToken.None);
        Assert.Equal((1, 1), (Statements(service.Index, "tokyo"), Statements(service.Index, "dollar")));
    }

    public void Dispose()
    {
        indexFolder.Dispose();
        corpusFolder.Dispose();
    }
}
