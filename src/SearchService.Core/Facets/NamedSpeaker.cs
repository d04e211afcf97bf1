namespace SearchService.Core.Facets;

/// <summary>
/// A person or body as the article names them (or as a pronoun stands for them), before a paragraph lists them as a
/// <see cref="SpeakerMention"/>.
/// </summary>
/// <param name="Titled">Named with an office ("Prime Minister Andreas Papandreou"), which makes them one of the news's actors.</param>
/// <param name="Role">The office or body they are named with ("U.S. Treasury Secretary"), if any.</param>
/// <param name="NamedInPassing">A bare name's full name that the article gave only in passing (<see cref="SpeakerMention.NamedInPassing"/>).</param>
internal sealed record NamedSpeaker(string Name, SpeakerKind Kind, bool Titled = false, string? Role = null, bool NamedInPassing = false);
