using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>
/// What a commit records, and what a failed one leaves: indexes whose Lucene files are in memory
/// (<see cref="RAMDirectory"/>) or on a disk that fills up (<see cref="LimitedDisk"/>), through the directory factory
/// the index takes.
/// </summary>
public sealed class IndexCommitTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly LimitedDisk disk = new();

    private static readonly Article Sample = new("a1", "Floods", ["Rivers rose in Pakistan."]);

    private static ArticleFacets NoFacets(Article article) =>
        new(ParagraphFacets.Empty, article.Paragraphs.Select(_ => ParagraphFacets.Empty).ToList());

    [Fact]
    public void Commit_records_the_corpus_files_the_journal_length_and_the_schema()
    {
        var memory = new RAMDirectory();
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance,
            openDirectory: path => Path.GetFileName(path) == StatementIndex.FolderName ? new RAMDirectory() : memory);
        index.ReplaceJournaledArticle(Sample, NoFacets(Sample), journalEnd: 120);
        index.RecordFile("news/a.txt", "stamp-1");

        index.Commit();

        var data = DirectoryReader.ListCommits(memory)[^1].UserData;
        Assert.Equal("stamp-1", data["file:news/a.txt"]);
        Assert.Equal("120", data["journal"]);
        Assert.Equal(IndexSchema.SchemaVersion, data["schema"]);
        Assert.Equal(120, index.CommittedJournalOffset);
    }

    [Fact]
    public void Failed_commit_stops_writes_and_readiness_until_a_restart()
    {
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, openDirectory: disk.Open);
        index.ReplaceArticle(Sample, NoFacets(Sample), null);
        disk.Limit(0);
        Assert.ThrowsAny<IOException>(index.Commit);
        disk.Limit(long.MaxValue);

        Assert.ThrowsAny<IOException>(() => index.ReplaceArticle(Sample, NoFacets(Sample), null));
        Assert.False(index.IsHealthy);
    }

    [Fact]
    public void Failed_commit_leaves_the_journal_to_be_replayed_after_a_restart()
    {
        using (var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, openDirectory: disk.Open))
        {
            index.ReplaceJournaledArticle(Sample, NoFacets(Sample), journalEnd: 120);
            disk.Limit(0);
            Assert.ThrowsAny<IOException>(index.Commit);
            disk.Limit(long.MaxValue);
        }

        using var reopened = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        Assert.Equal(0, reopened.CommittedJournalOffset);
    }

    [Fact]
    public async Task Acknowledged_write_that_a_failed_commit_lost_is_replayed_after_a_restart_and_no_later_commit_claims_it()
    {
        using (var service = new WritableIndex(folder.Path, openDirectory: disk.Open))
        {
            long committedBefore;
            // No scheduled commit may hold the write before the one that fails.
            using (service.Index.HoldScheduledCommits())
            {
                await service.Store.PutAsync(Sample);
                committedBefore = service.Index.CommittedJournalOffset;
                Assert.True(committedBefore < service.Index.AppliedJournalOffset, "the write was committed before the commit meant to fail");
                disk.Limit(0);
                Assert.ThrowsAny<IOException>(service.Index.Commit);
                disk.Limit(long.MaxValue);

                Assert.ThrowsAny<IOException>(service.Index.Commit);
            }
            Assert.Equal(committedBefore, service.Index.CommittedJournalOffset);
        }

        using var restarted = new WritableIndex(folder.Path);
        Assert.Equal(1, restarted.Index.Search(s => s.Search(new TermQuery(new Term(IndexSchema.ArticleId, Sample.Id)), 10).TotalHits));
    }

    public void Dispose() => folder.Dispose();
}
