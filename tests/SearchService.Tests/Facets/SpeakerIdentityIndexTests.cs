using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Facets;

/// <summary>The speaker identity table beside a real index: filters find every variant of a name, and commits save the table.</summary>
public sealed class SpeakerIdentityIndexTests : IDisposable
{
    private readonly TestIndex index = new();
    private readonly SpeakerIdentities identities = new(Facets.Extractor.SpeakerLexicon);
    private readonly NewsFacetExtractor extractor;

    public SpeakerIdentityIndexTests()
    {
        extractor = Facets.Extractor.WithSpeakerIdentities(identities);
        index.Index.SpeakerIdentities.Attach(identities);
    }

    private void Index(string id, string paragraph)
    {
        var article = new Article(id, "Fed policy", [paragraph]);
        Assert.True(index.Index.WaitForGeneration(index.Index.ReplaceArticle(article, extractor.Extract(article), null), TestIndex.SearchableWithin));
    }

    private IEnumerable<string> ArticlesQuoting(string speaker) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest("dollar", Speaker: [speaker])).Hits.Select(h => h.Id.Split('#')[0]).Order();

    // Indexed "Volcker" first (no full name known yet), then "Paul Volcker" twice.
    private void IndexVolckerStories()
    {
        Index("a", "The dollar had fallen enough, Fed Chairman Volcker said.");
        Index("b", "The dollar was stable, Fed Chairman Paul Volcker said.");
        Index("c", "The dollar would not fall further, Fed Chairman Paul Volcker said.");
    }

    [Fact]
    public void Filter_on_the_full_name_finds_paragraphs_indexed_under_the_surname()
    {
        IndexVolckerStories();
        Assert.Equal(["a", "b", "c"], ArticlesQuoting("Paul Volcker"));
    }

    [Fact]
    public void Filter_on_the_surname_finds_paragraphs_indexed_under_the_full_name()
    {
        IndexVolckerStories();
        Assert.Equal(["a", "b", "c"], ArticlesQuoting("Volcker"));
    }

    [Fact]
    public void Commit_saves_the_table_beside_the_index()
    {
        IndexVolckerStories();
        index.Index.Commit();
        Assert.Equal("Paul Volcker", Saved()?.Find("Volcker")?.Name);
    }

    [Fact]
    public void A_commit_soon_after_a_save_leaves_the_table_for_the_close_to_save()
    {
        Index("a", "The dollar had fallen enough, Fed Chairman Volcker said.");
        index.Index.Commit();
        Assert.Equal("Volcker", Saved()?.Find("Volcker")?.Name);
        Index("b", "The dollar was stable, Fed Chairman Paul Volcker said.");
        Index("c", "The dollar would not fall further, Fed Chairman Paul Volcker said.");
        index.Index.Commit(); // within SaveInterval of the first
        Assert.Equal("Volcker", Saved()?.Find("Volcker")?.Name);

        index.Index.Dispose();
        Assert.Equal("Paul Volcker", Saved()?.Find("Volcker")?.Name);
    }

    private SpeakerIdentities? Saved() => SpeakerIdentityFile.Load(index.Index.Path, Facets.Extractor.SpeakerLexicon);

    public void Dispose() => index.Dispose();
}
