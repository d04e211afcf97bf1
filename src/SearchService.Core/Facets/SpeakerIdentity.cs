namespace SearchService.Core.Facets;

/// <summary>One speaker across the corpus: the value facets count and filter by, what it is, and the offices it was named with.</summary>
/// <param name="Name">The canonical value ("James Baker" for "Baker", "Treasury Secretary James Baker", "James Baker").</param>
/// <param name="Roles">Offices or bodies the articles name the speaker with ("U.S. Treasury Secretary"), in the order first seen.</param>
public sealed record SpeakerIdentity(string Name, SpeakerKind Kind, IReadOnlyList<string> Roles);
