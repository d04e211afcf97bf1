using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Corpus;

/// <summary>
/// The corpus folder as a trust boundary, with real symbolic links: nothing outside it is indexed through a link, each
/// link is reported as a skipped file naming its path in the corpus, and what an inside link points to is indexed once.
/// </summary>
public sealed class CorpusLinkTests : IDisposable
{
    private const string Article = "A title\n\nA paragraph about wheat.";

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory outside = new();
    private readonly TestIndex index = new();
    private readonly IndexingStatus status = new();

    /// <summary>One pass over the corpus folder; fails the test instead of hanging when the pass does not end.</summary>
    private void Synchronize()
    {
        var indexer = new CorpusIndexer(index.Index, NewsFacetExtractor.Load(), status, NullLogger<CorpusIndexer>.Instance);
        var pass = Task.Run(() => indexer.Synchronize(new CorpusFolder(corpus.Path), null, CancellationToken.None));
        Assert.True(pass.Wait(TimeSpan.FromSeconds(30)), "the corpus pass did not end");
    }

    private ArticleView? Find(string id) => new ArticleLookup(index.Index).Find(id);

    private string SkippedBecause(string relativePath) =>
        Assert.Single(status.SkippedFiles, problem => problem.File == relativePath).Message;

    [Fact]
    public void A_link_to_a_file_outside_is_not_indexed_and_is_reported_by_its_path_in_the_corpus()
    {
        File.CreateSymbolicLink(corpus.Combine("secret.txt"), outside.WriteFile("secret.txt", Article));

        Synchronize();

        Assert.Null(Find("secret.txt"));
        Assert.Contains("outside the corpus folder", SkippedBecause("secret.txt"));
    }

    [Fact]
    public void A_file_replaced_by_a_link_loses_the_articles_indexed_from_it()
    {
        corpus.WriteFile("news.txt", Article);
        Synchronize();
        File.Delete(corpus.Combine("news.txt"));
        File.CreateSymbolicLink(corpus.Combine("news.txt"), outside.WriteFile("news.txt", Article));

        Synchronize();

        Assert.Null(Find("news.txt"));
        Assert.Contains("outside the corpus folder", SkippedBecause("news.txt"));
    }

    [Fact]
    public void A_linked_folder_outside_is_not_entered_and_is_reported()
    {
        outside.WriteFile("shared/news.txt", Article);
        Directory.CreateSymbolicLink(corpus.Combine("shared"), outside.Combine("shared"));

        Synchronize();

        Assert.Null(Find("shared/news.txt"));
        Assert.Contains("outside the corpus folder", SkippedBecause("shared"));
    }

    [Fact]
    public void A_chain_of_links_that_ends_outside_is_not_indexed()
    {
        File.CreateSymbolicLink(corpus.Combine("hop.txt"), outside.WriteFile("secret.txt", Article));
        File.CreateSymbolicLink(corpus.Combine("first.txt"), "hop.txt");

        Synchronize();

        Assert.Null(Find("first.txt"));
        Assert.Contains("outside the corpus folder", SkippedBecause("first.txt"));
    }

    [Fact]
    public void What_a_link_inside_points_to_is_indexed_once_under_its_own_path()
    {
        corpus.WriteFile("2021/seed.txt", Article);
        File.CreateSymbolicLink(corpus.Combine("alias.txt"), corpus.Combine("2021/seed.txt"));

        Synchronize();

        Assert.NotNull(Find("2021/seed.txt"));
        Assert.Null(Find("alias.txt"));
        Assert.Contains("within the corpus folder", SkippedBecause("alias.txt"));
    }

    [Fact]
    public void A_loop_of_links_ends_the_pass_and_is_reported()
    {
        corpus.WriteFile("2021/seed.txt", Article);
        Directory.CreateSymbolicLink(corpus.Combine("2021/again"), corpus.Path);
        File.CreateSymbolicLink(corpus.Combine("ping.txt"), "pong.txt");
        File.CreateSymbolicLink(corpus.Combine("pong.txt"), "ping.txt");

        Synchronize();

        Assert.NotNull(Find("2021/seed.txt"));
        Assert.Contains("does not resolve", SkippedBecause("ping.txt"));
        Assert.Contains("within the corpus folder", SkippedBecause("2021/again"));
    }

    public void Dispose()
    {
        index.Dispose();
        outside.Dispose();
        corpus.Dispose();
    }
}
