namespace SearchService.Core.Facets;

/// <summary>What <see cref="SpeakerExtractor.Read"/> found in an article, paragraph by paragraph.</summary>
/// <param name="Mentions">Each paragraph's speakers, distinct, in order of appearance.</param>
/// <param name="Attributions">Each paragraph's attributions ("the statement noted", "said X"), in order.</param>
public sealed record SpeakerReading(
    IReadOnlyList<IReadOnlyList<SpeakerMention>> Mentions,
    IReadOnlyList<IReadOnlyList<Attribution>> Attributions);
