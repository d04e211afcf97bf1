using System.ComponentModel;

namespace SearchService.Core.Searching;

/// <summary>Why a hit scored what it did: the score and what each matched word or phrase added, largest first.</summary>
public sealed record HitExplanation(
    float Score,
    [property: Description("Each matched word (as indexed, i.e. stemmed) or phrase with the field it matched in and its share of the score.")]
    IReadOnlyList<ScorePart> Parts);

/// <param name="Field">Where it matched: text (the paragraph) or title (the article headline).</param>
/// <param name="Match">The indexed word ("terror" for "terrorism") or the phrase.</param>
/// <param name="Score">What this match added to the score (BM25).</param>
public sealed record ScorePart(string Field, string Match, float Score);
