namespace SearchService.Core.Facets;

/// <summary>A speaker as one paragraph names them.</summary>
/// <param name="Name">The name, titles stripped ("James Baker").</param>
/// <param name="Role">The office or body the article names them with ("Treasury Secretary", "Salomon Brothers Inc"), if any.</param>
/// <param name="NamedInPassing">
/// The name is the full name the article gave a bare one ("Howard said") only in passing ("opposition leader John Howard
/// sacked …"), not as a speaker: it says who this article's speaker is, but is no evidence of a speaker quoted by that name.
/// </param>
public sealed record SpeakerMention(string Name, SpeakerKind Kind, string? Role = null, bool NamedInPassing = false);
