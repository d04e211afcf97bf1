using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>Start-up opens the index and the journal explicitly (<see cref="IndexOpener"/>), never as a side effect of resolving them.</summary>
public sealed class IndexOpenerTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private ServiceProvider Services() => CoreServices.For(folder.Path);

    [Fact]
    public void Resolving_the_index_before_it_is_opened_throws_and_touches_nothing()
    {
        using var services = Services();

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<SearchIndex>());
        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ArticleStore>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Open_replays_the_journal_before_the_index_is_handed_out()
    {
        var line = JournalEntry.Put(new Article("kept", "Probe", ["The walrus probe paragraph."])).ToLine();
        File.WriteAllBytes(Path.Combine(folder.Path, WriteJournal.FileName), [.. line, (byte)'\n']);
        using var services = Services();

        services.OpenIndex();

        var index = services.GetRequiredService<SearchIndex>();
        Assert.Equal(1, index.Search(s => s.Search(new TermQuery(new Term(IndexSchema.ArticleId, "kept")), 1).TotalHits));
        Assert.Equal(line.Length + 1, index.CommittedJournalOffset);
    }

    [Fact]
    public void Open_of_a_folder_another_index_holds_fails_and_leaves_nothing_open()
    {
        using var first = Services();
        first.OpenIndex();
        using var second = Services();
        var opener = second.GetRequiredService<IndexOpener>();

        Assert.Throws<IndexUnavailableException>(opener.Open);
        Assert.False(opener.IsOpen);
    }

    public void Dispose() => folder.Dispose();
}
