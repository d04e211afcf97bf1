using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>Why a hit scored what it did: the score and what each matched word or phrase added, largest first.</summary>
public sealed record HitExplanation(
    float Score,
    [property: Description("Each matched word (as indexed, i.e. stemmed) or phrase with the field it matched in and its share of the score.")]
    IReadOnlyList<ScorePart> Parts)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Only with rerank=semantic, for the re-ranked hits: the hit's similarity to q and its ranks by words, by meaning and fused. The order of those hits follows the fused rank, not the score.")]
    public Semantics.SemanticPlace? Semantic { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("Only with recency: what the hit's relevance (its parts added up) was multiplied by for its article's age, from 1 (published now) down to 1/3 (long ago, or undated). score is relevance × recencyFactor.")]
    public float? RecencyFactor { get; init; }
}

/// <param name="Field">Where it matched: text (the paragraph) or title (the article headline).</param>
/// <param name="Match">The indexed word ("terror" for "terrorism") or the phrase.</param>
/// <param name="Score">What this match added to the score (BM25).</param>
public sealed record ScorePart(string Field, string Match, float Score);
