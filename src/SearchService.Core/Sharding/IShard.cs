using Lucene.Net.Index;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// One shard's part in one sharded search, from the first phase to the last over the same reader, so that the document
/// numbers it gives stay valid throughout (an Elasticsearch search context): a shard of this process
/// (<see cref="IndexShardSource"/>) or one reached over the network. Every phase takes and gives plain data, and is
/// asked of every shard at once by the gatherer (<see cref="ShardedSearcher"/>); a shard of this process answers
/// without leaving the caller's thread. Disposing it ends the search on the shard and releases its reader.
/// </summary>
public interface IShard : IDisposable
{
    /// <summary>
    /// The copy and point in time the search reads, known once its first phase (<see cref="DfsAsync"/>) answered: a
    /// cursor walk's next page asks for it again (<see cref="IShardSource.OpenAsync"/>), and the copy keeps it for
    /// <see cref="PointsInTime.KeepAlive"/> after its last use.
    /// </summary>
    ShardPoint Point { get; }

    /// <summary>
    /// The dfs phase: the shard's figures for the terms its query scores with, with a question's word pairs; and how
    /// many paragraphs hold each word the gatherer may correct (which it corrects only when they are few over all shards).
    /// </summary>
    /// <param name="words">The query's words to correct, as indexed in the text field: the request then carries no
    /// corrections, and its figures are those the gatherer needs when it makes none.</param>
    ValueTask<ShardDfs> DfsAsync(ShardRequest request, IReadOnlyList<string> words);

    /// <summary>
    /// The spelling neighbours of words rare over every shard, which the gatherer corrects from the neighbours of all
    /// (asked after the dfs, only when some word is that rare), with the figures of the terms a correction to each would
    /// add to the query.
    /// </summary>
    ValueTask<ShardNeighbours> NeighboursAsync(IReadOnlyList<NeighbourLookup> words);

    /// <summary>
    /// The query phase: the best hits in the request's order, every facet count, the totals; a question's candidates
    /// with what its word pairs add to them (the first step of its re-scoring).
    /// </summary>
    /// <param name="statistics">The whole index's figures, which every score here is computed with.</param>
    ValueTask<ShardAnswer> QueryAsync(ShardRequest request, CorpusStatistics statistics);

    /// <summary>The shard's figures for more terms (the words of a question's feedback paragraphs).</summary>
    ValueTask<CorpusStatistics> StatisticsAsync(IReadOnlyList<Term> terms);

    /// <summary>Some of a question's paragraphs' scores with what its feedback words add to them.</summary>
    /// <param name="statistics">The whole index's figures, with the feedback words'.</param>
    ValueTask<IReadOnlyDictionary<int, float>> FeedbackScoresAsync(
        CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyDictionary<int, float> scores);

    /// <summary>What re-ranking by meaning reads of each of these paragraphs.</summary>
    ValueTask<IReadOnlyList<string>> PassagesAsync(IReadOnlyList<int> docs);

    /// <summary>The fetch phase: hits of the page asked for, read, highlighted and, when asked for, explained.</summary>
    ValueTask<IReadOnlyList<SearchHit>> FetchAsync(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored);

    /// <summary>
    /// An export page (<see cref="ShardedMatchExport"/>): the shard's matches in its index order from the document
    /// <paramref name="from"/> on, up to <paramref name="size"/>, read as <see cref="MatchExport"/> reads lines; the
    /// matches before <paramref name="from"/> are not read.
    /// </summary>
    /// <param name="statistics">The whole index's figures, which every score here is computed with.</param>
    /// <param name="from">Where the page begins: 0, or the <see cref="ShardExportPage.Next"/> of the page before, read at the same point in time.</param>
    ValueTask<ShardExportPage> ExportAsync(ShardRequest request, CorpusStatistics statistics, int from, int size);

    /// <summary>Every value of one facet, counted as for <see cref="ParagraphSearcher.FacetValues"/>.</summary>
    ValueTask<Dictionary<string, int>> FacetValuesAsync(ShardRequest request, string facet);

    /// <summary>The article as the shard holds it (<see cref="ArticleLookup"/>); null when it is not here or the scope leaves it out.</summary>
    ValueTask<ArticleView?> ArticleAsync(string articleId, SearchScope? scope);

    /// <summary>Related articles' query phase: the shard's best articles for the words (<see cref="RelatedWords.Best"/>).</summary>
    /// <param name="statistics">The whole index's figures, which the words were picked by and every score here is computed with.</param>
    ValueTask<IReadOnlyList<RelatedCandidate>> RelatedAsync(RelatedShardRequest request, CorpusStatistics statistics);
}
