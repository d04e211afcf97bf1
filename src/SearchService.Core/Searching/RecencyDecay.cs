using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Fresh results first: a hit's relevance is multiplied by a factor that halves with every <see cref="HalfLife"/> of
/// its article's age at <see cref="Now"/>, down to <see cref="Floor"/>. This is Elasticsearch's <c>exp</c> decay
/// function with <c>origin</c> = now, <c>scale</c> = the half-life, <c>decay</c> = 0.5 and <c>offset</c> = 0, with a
/// constant added (as Elasticsearch users add a <c>weight</c> function with <c>score_mode: sum</c>) so that an old
/// article never drops to nothing: a match more than 1/<see cref="Floor"/> times as good as a fresh one still ranks
/// above it. See docs/relevance.md.
/// </summary>
/// <param name="HalfLife">The age at which an article counts half (above the floor).</param>
/// <param name="Now">The moment ages are taken at: the time of the request, so that a live index's newest articles are
/// fresh by the clock, not by whichever article happens to be newest in the index.</param>
public sealed record RecencyDecay(HalfLife HalfLife, DateTimeOffset Now)
{
    /// <summary>What an article of any age keeps of its relevance.</summary>
    public const double Floor = 1.0 / 3;

    /// <summary>The factor of an undated article: that of a very old one, as its freshness cannot be known.</summary>
    public const double Undated = Floor;

    /// <summary>The factor of an article published at <paramref name="dateTicks"/> (UTC ticks; 0: undated). One published after <see cref="Now"/> counts as new.</summary>
    public double Factor(long dateTicks)
    {
        if (dateTicks <= 0)
            return Undated;
        var age = Math.Max(0, Now.UtcTicks - dateTicks);
        return Floor + (1 - Floor) * Math.Pow(0.5, (double)age / HalfLife.Length.Ticks);
    }

    /// <summary>The same matches as <paramref name="matches"/>, each score multiplied by its factor.</summary>
    public Query Over(Query matches) => new RecencyQuery(matches, this);

    /// <summary>
    /// A question's re-scored paragraph whose first stage was already decayed: what re-scoring added is decayed as well,
    /// so that the score is the factor times the score of both stages, as <see cref="Over"/> of their one query gives.
    /// </summary>
    /// <param name="firstStage">The decayed first-stage score.</param>
    /// <param name="rescored">That score with what re-scoring added.</param>
    public float Rescored(float firstStage, float rescored, long dateTicks) =>
        firstStage + (float)Factor(dateTicks) * (rescored - firstStage);

    /// <summary>The publication date of a document (a number in the whole index) in UTC ticks, from doc values; 0: undated.</summary>
    internal static long DateTicksOf(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        return leaf.AtomicReader.GetNumericDocValues(IndexSchema.Date)?.Get(doc - leaf.DocBase) ?? 0;
    }
}
