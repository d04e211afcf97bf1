using System.Text.Json.Serialization;

namespace SearchService.Core.Sharding;

/// <summary>One of a shard's best hits with what orders it among every shard's: its score or date, then its keys.</summary>
/// <param name="Doc">Its document number in the reader the shard searches with throughout one search.</param>
/// <param name="Score">Its score; null when hits are not ranked (no query).</param>
/// <param name="Date">Its publication time in UTC ticks (0: undated), for newest first.</param>
/// <param name="OtherMatches">With one hit per article, how many more of its paragraphs match; null with paragraph hits.</param>
[JsonConverter(typeof(ShardHitJson))]
public sealed record ShardHit(int Doc, float? Score, long Date, string ArticleId, int Paragraph, int? OtherMatches);
