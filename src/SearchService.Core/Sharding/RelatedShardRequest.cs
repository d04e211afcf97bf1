using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Related articles as each shard is asked for them (<see cref="IShard.RelatedAsync"/>): the words the gatherer picked
/// with the whole index's figures, each in its field, the article they must not find, the request's filters, dates and scope, and how many of its best the shard gives.
/// </summary>
public sealed record RelatedShardRequest(string ArticleId, IReadOnlyList<RelatedShardWord> Words, SearchRequest Filters, int Count);
