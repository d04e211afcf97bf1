using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>
/// A corpus pass holds the scheduled commits while it writes a file; the commit comes when the hold ends, before the
/// next file's hold begins.
/// </summary>
public sealed class ScheduledCommitHoldTests : IDisposable
{
    private readonly TempDirectory indexFolder = new();

    private static int CommittedParagraphs(SearchIndex index)
    {
        using var directory = FSDirectory.Open(index.LiveFolder);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!DirectoryReader.IndexExists(directory))
                    return 0;
                using var reader = DirectoryReader.Open(directory);
                return reader.NumDocs;
            }
            catch (IOException) when (attempt < 50)
            {
                // Lucene 4.8 writes segments_N in place, so a reader can meet the first commit half-written (CI saw
                // "read past EOF"); with no earlier commit to fall back on, the reader throws. Read again.
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Writes an article of two paragraphs while holding the scheduled commits until its commit has fallen due; none is made meanwhile.</summary>
    private static void WriteHeldPastTheCommitDelay(SearchIndex index)
    {
        var article = new Article("floods", "Floods", ["Rivers rose in Pakistan.", "Aid arrived in Karachi."]);
        using (index.HoldScheduledCommits())
        {
            index.ReplaceArticle(article, new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty, ParagraphFacets.Empty]), null);
            Thread.Sleep(SearchIndex.CommitDelay + TimeSpan.FromSeconds(2));
            Assert.Equal(0, CommittedParagraphs(index));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_commit_that_falls_due_while_held_is_made_when_the_hold_ends()
    {
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        WriteHeldPastTheCommitDelay(index);

        Assert.Equal(2, CommittedParagraphs(index));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_commit_that_falls_due_while_held_is_made_before_a_hold_taken_right_after_begins()
    {
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        WriteHeldPastTheCommitDelay(index);
        // As a pass of one-article files goes on to its next file at once: the commit must not wait behind it.
        using (index.HoldScheduledCommits())
            Assert.Equal(2, CommittedParagraphs(index));
    }

    public void Dispose() => indexFolder.Dispose();
}
