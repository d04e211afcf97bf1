using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Indexer;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>The indexer worker over a real corpus folder and an index on a disk that fills up (<see cref="LimitedDisk"/>).</summary>
public sealed class IndexerWorkerTests : IDisposable
{
    private readonly TempDirectory corpusFolder = new();
    private readonly TempDirectory indexFolder = new();
    private readonly LimitedDisk disk = new();

    [Fact]
    public async Task A_pass_after_a_failed_commit_ends_the_worker_with_a_critical_log_instead_of_an_exception()
    {
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance, openDirectory: disk.Open);
        var written = new Article("written", "Written", ["Rivers rose in Pakistan."]);
        index.ReplaceArticle(written, new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty]), null);
        disk.Limit(0);
        Assert.ThrowsAny<IOException>(index.Commit);
        disk.Limit(long.MaxValue);
        corpusFolder.WriteFile("floods.txt", "Floods\n\nThe river Indus rose over its banks in Sindh on Monday.\n");
        var log = new RecordingLogger<IndexerWorker>();
        var worker = new IndexerWorker(
            new CorpusIndexer(index, NewsFacetExtractor.Load(), new IndexingStatus(), NullLogger<CorpusIndexer>.Instance),
            index, Options.Create(new SearchOptions { CorpusPath = corpusFolder.Path }), log);
        using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await worker.RunAsync(stopping.Token);

        Assert.False(stopping.IsCancellationRequested);
        var critical = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Critical);
        Assert.Contains("a commit of the index failed", critical.Message);
        Assert.Contains(corpusFolder.Path, critical.Message);
    }

    public void Dispose()
    {
        corpusFolder.Dispose();
        indexFolder.Dispose();
    }
}
