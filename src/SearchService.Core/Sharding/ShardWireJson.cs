using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// What a shard's calls carry between processes, written and read by code generated at build time rather than by
/// metadata read through reflection: the same JSON (System.Text.Json's defaults), less work a call. A cluster gives
/// <see cref="WireOptions"/> to the JSON codec its silos send Core's records with; a type not listed here is still read
/// by reflection.
/// </summary>
[JsonSerializable(typeof(ShardRequest))]
[JsonSerializable(typeof(NeighbourLookup))]
[JsonSerializable(typeof(ShardNeighbours))]
[JsonSerializable(typeof(ShardDfs))]
[JsonSerializable(typeof(CorpusStatistics))]
[JsonSerializable(typeof(ShardAnswer))]
[JsonSerializable(typeof(FeedbackWord))]
[JsonSerializable(typeof(ShardHit))]
[JsonSerializable(typeof(SearchHit))]
[JsonSerializable(typeof(ShardExportPage))]
[JsonSerializable(typeof(SearchScope))]
[JsonSerializable(typeof(ArticleView))]
[JsonSerializable(typeof(RelatedShardRequest))]
[JsonSerializable(typeof(RelatedCandidate))]
[JsonSerializable(typeof(Suggestion))]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(StatementMatches))]
[JsonSerializable(typeof(StatementMatch))]
[JsonSerializable(typeof(QuoteHit))]
public sealed partial class ShardWireJson : JsonSerializerContext
{
    /// <summary>The options: this context's code for the types listed, reflection for any other.</summary>
    public static JsonSerializerOptions WireOptions { get; } = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()) };
}
