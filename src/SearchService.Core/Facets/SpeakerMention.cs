namespace SearchService.Core.Facets;

/// <summary>A speaker as one paragraph names them.</summary>
/// <param name="Name">The name, titles stripped ("James Baker").</param>
/// <param name="Role">The office or body the article names them with ("Treasury Secretary", "Salomon Brothers Inc"), if any.</param>
public sealed record SpeakerMention(string Name, SpeakerKind Kind, string? Role = null);
