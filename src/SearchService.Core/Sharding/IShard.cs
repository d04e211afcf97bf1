using Lucene.Net.Index;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// One shard's part in one sharded search, from the first phase to the last over the same reader, so that the document
/// numbers it gives stay valid throughout (an Elasticsearch search context): a shard of this process
/// (<see cref="IndexShardSource"/>) or one reached over the network. Every phase takes and gives plain data.
/// Disposing it ends the search on the shard and releases its reader.
/// </summary>
public interface IShard : IVocabulary, IDisposable
{
    /// <summary>The dfs phase: the shard's figures for the terms its query scores with, with a question's word pairs.</summary>
    CorpusStatistics Statistics(ShardRequest request);

    /// <summary>The shard's figures for more terms (a question's feedback words).</summary>
    CorpusStatistics Statistics(IEnumerable<Term> terms);

    /// <summary>The terms a question searched here, in any field.</summary>
    IReadOnlySet<string> QuestionTerms(ShardRequest request);

    /// <summary>The query phase: the best hits in the request's order, every facet count, the totals.</summary>
    /// <param name="statistics">The whole index's figures, which every score here is computed with.</param>
    ShardAnswer Query(ShardRequest request, CorpusStatistics statistics);

    /// <summary>What a question's word pairs add to the scores of some of its paragraphs.</summary>
    IReadOnlyDictionary<int, float> ProximityScores(ShardRequest request, CorpusStatistics statistics, IReadOnlyList<int> docs);

    /// <summary>What a question's feedback words add to the scores of some of its paragraphs.</summary>
    IReadOnlyDictionary<int, float> FeedbackScores(CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyList<int> docs);

    /// <summary>A paragraph's text.</summary>
    string Text(int doc);

    /// <summary>What re-ranking by meaning reads of a paragraph.</summary>
    string Passage(int doc);

    /// <summary>The fetch phase: hits of the page asked for, read, highlighted and, when asked for, explained.</summary>
    IReadOnlyList<SearchHit> Fetch(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored);

    /// <summary>Every value of one facet, counted as for <see cref="ParagraphSearcher.FacetValues"/>.</summary>
    Dictionary<string, int> FacetValues(ShardRequest request, string facet);
}
