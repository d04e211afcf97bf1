using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Acronyms and names from the synonyms file, both ways, and believer/belief word forms, at query time.</summary>
public sealed class SynonymsAndWordFormsTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("sco", "Summit", ["The Shanghai Cooperation Organisation met in Dushanbe."]))
        .Add(new Article("un", "Vote", ["The UN General Assembly adopted the resolution."]))
        .Add(new Article("fo", "Briefing", ["The Foreign Office spokesperson answered questions."]))
        .Add(new Article("ism", "Policy", ["The law targets the financing of terrorism."]))
        .Add(new Article("ists", "Arrests", ["Police arrested three terrorists near the border."]));

    private IEnumerable<string> Matches(string q, Synonyms? synonyms = null) =>
        new ParagraphSearcher(index.Index, synonyms).Search(new SearchRequest(q)).Hits.Select(h => h.ArticleId).Order();

    [Fact]
    public void Acronym_finds_the_full_name()
    {
        Assert.Equal(["sco"], Matches("SCO"));
    }

    [Fact]
    public void Full_name_finds_the_acronym()
    {
        Assert.Equal(["un"], Matches("United Nations"));
    }

    [Fact]
    public void Synonym_joins_other_required_words()
    {
        Assert.Equal(["fo"], Matches("FO spokesperson"));
    }

    [Fact]
    public void Terrorist_finds_terrorism_and_terrorists()
    {
        Assert.Equal(["ism", "ists"], Matches("terrorist"));
    }

    [Fact]
    public void A_replacement_file_changes_the_synonyms_without_reindexing()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteFile("synonyms.txt", "# test\nDushanbe, Tajik capital\n");
        Assert.Equal(["sco"], Matches("Tajik capital", Synonyms.Load(path)));
        Assert.Empty(Matches("SCO", Synonyms.Load(path)));
    }

    [Fact]
    public void A_line_with_one_name_is_refused_naming_the_file()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteFile("synonyms.txt", "UN\n");
        var error = Assert.Throws<InvalidDataException>(() => Synonyms.Load(path));
        Assert.Contains(path, error.Message);
    }

    public void Dispose() => index.Dispose();
}
