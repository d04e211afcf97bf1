using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// One index of the articles of a .jsonl file extracted article by article, in the file's order, with one speaker
/// identity table: what a single node with <c>Search:SpeakerIdentities</c> on holds after learning them one by one.
/// </summary>
public sealed class SpeakerReference : IDisposable
{
    private readonly TestIndex single = new();
    private readonly Lazy<TestIndex> rebuilt;

    public SpeakerReference(string jsonl)
    {
        using (var file = File.OpenRead(jsonl))
            Articles = JsonlArticleReader.Read(file, jsonl, _ => { }).ToList();
        Fill(single);
        rebuilt = new Lazy<TestIndex>(() => Fill(new TestIndex()));
    }

    public IReadOnlyList<Article> Articles { get; }

    /// <summary>The single node's index, searching with <see cref="Table"/>.</summary>
    public SearchIndex Index => single.Index;

    /// <summary>
    /// The single node's index after a rebuild (<c>POST /index/_rebuild</c>): every article extracted again, in the
    /// file's order, with <see cref="Table"/>, which has learnt them all. Made at the first call; the table then also
    /// holds what the rebuild resolved, as the single node's does.
    /// </summary>
    public SearchIndex Rebuilt => rebuilt.Value.Index;

    /// <summary>The single node's table.</summary>
    public SpeakerIdentities Table { get; } = new(Facets.Facets.Extractor.SpeakerLexicon);

    /// <summary>
    /// Speakers the single node indexes under a short form and under the full name it later learnt, as (short form, full
    /// name): "Volcker" before "Paul Volcker" was seen.
    /// </summary>
    public IReadOnlyList<(string Short, string Full)> ShortAndFullNames()
    {
        var values = new ParagraphSearcher(Index).Search(new SearchRequest(null, FacetSize: 100_000)).Facets.Speaker
            .Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        return values.Select(full => (Full: full, Variants: Table.FilterValues(full).Where(v => v != full && values.Contains(v)).ToList()))
            .Where(f => f.Variants.Count > 0 && Table.Find(f.Full)?.Name == f.Full)
            .Select(f => (f.Variants[0], f.Full)).OrderBy(f => f.Full, StringComparer.Ordinal).ToList();
    }

    private TestIndex Fill(TestIndex index)
    {
        var extractor = Facets.Facets.Extractor.WithSpeakerIdentities(Table);
        foreach (var article in Articles)
            index.Index.ReplaceArticle(article, extractor.Extract(article), null);
        index.Index.SpeakerIdentities.Attach(Table);
        Assert.True(index.Index.WaitUntilSearchable(TestIndex.SearchableWithin));
        return index;
    }

    public void Dispose()
    {
        single.Dispose();
        if (rebuilt.IsValueCreated)
            rebuilt.Value.Dispose();
    }
}
