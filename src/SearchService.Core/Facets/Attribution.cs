namespace SearchService.Core.Facets;

/// <summary>A statement attributed in a paragraph: where its attribution word is, and to whom.</summary>
/// <param name="VerbStart">Token index of the attribution word ("said", "according" of "according to").</param>
/// <param name="VerbEnd">Token index just after it.</param>
/// <param name="Speaker">The speaker as the paragraph's mentions name them (<see cref="SpeakerMention.Name"/>).</param>
public sealed record Attribution(int VerbStart, int VerbEnd, string Speaker);
