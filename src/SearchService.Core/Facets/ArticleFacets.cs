namespace SearchService.Core.Facets;

/// <summary>Facets of an article: what the article as a whole is about, and each paragraph's own values (same order as the paragraphs).</summary>
/// <param name="RegionAncestors">
/// For each region value used, its enclosing regions from the nearest up ("Pakistan" → ["South Asia", "Asia"]), so the
/// index can answer region=Asia with paragraphs about Pakistan; null or a missing value: no ancestors.
/// </param>
/// <param name="Speakers">
/// Each speaker value's corpus-wide identity (kind, offices) when the extractor keeps a <see cref="SpeakerIdentities"/>
/// table; null otherwise.
/// </param>
/// <param name="Statements">The article's attributed statements (<see cref="Quotes.StatementExtractor"/>), paragraph by paragraph; null: none extracted.</param>
public sealed record ArticleFacets(
    ParagraphFacets Article,
    IReadOnlyList<ParagraphFacets> Paragraphs,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? RegionAncestors = null,
    IReadOnlyDictionary<string, SpeakerIdentity>? Speakers = null,
    IReadOnlyList<Quotes.Statement>? Statements = null)
{
    /// <summary>The region and its enclosing regions, outermost first: "Pakistan" → ["Asia", "South Asia", "Pakistan"].</summary>
    public IReadOnlyList<string> RegionPath(string region) =>
        (RegionAncestors?.GetValueOrDefault(region) ?? []).Reverse().Append(region).ToList();
}
