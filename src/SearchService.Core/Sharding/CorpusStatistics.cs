using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Sharding;

/// <summary>
/// The figures BM25 scores with, of one shard or summed over every shard: how many documents there are (maxDoc, which
/// Lucene 4.8's BM25 takes for both idf and the average field length), the statistics of the fields a query's terms
/// are in, and the document and total frequencies of those terms, all of live documents only (<see cref="LiveFigures"/>),
/// as one index of the same articles holding no deleted document has them. Shards score with the sums (Elasticsearch's dfs_query_then_fetch), so a
/// paragraph scores alike however the index is split. Plain data, to cross between shard and gatherer.
/// </summary>
/// <param name="Terms">Terms with a document in the shard (or any shard); a term missing is in none.</param>
/// <param name="Fields">The fields of the terms, those the shard (or any shard) indexes.</param>
public sealed record CorpusStatistics(long MaxDoc, IReadOnlyList<TermFigures> Terms, IReadOnlyList<FieldFigures> Fields)
{
    /// <summary>
    /// One shard's figures: those of the terms with a document in it, and of the fields of the terms (only those: a
    /// field no term scores in is not scored, and a shard has some twenty fields whose figures would cross the network
    /// in every phase).
    /// </summary>
    /// <param name="searcher">A searcher of the shard's reader that scores with the shard's own figures.</param>
    public static CorpusStatistics Of(IndexSearcher searcher, IEnumerable<Term> terms)
    {
        var distinct = terms.Distinct().ToList();
        var termFields = distinct.Select(t => t.Field).ToHashSet(StringComparer.Ordinal);
        var reader = searcher.IndexReader;
        var termFigures = LiveFigures.Of(reader, distinct);
        var fieldFigures = (MultiFields.GetFields(reader) ?? Enumerable.Empty<string>())
            .Where(termFields.Contains)
            .Select(field => LiveFigures.OfField(reader, field))
            .ToList();
        return new CorpusStatistics(reader.NumDocs, termFigures, fieldFigures);
    }

    /// <summary>The figures of every shard added up, as one index of all their documents would have them.</summary>
    public static CorpusStatistics Sum(IEnumerable<CorpusStatistics> shards)
    {
        var all = shards.ToList();
        var terms = all.SelectMany(s => s.Terms)
            .GroupBy(t => (t.Field, t.Text))
            .Select(g => new TermFigures(g.Key.Field, g.Key.Text, g.Sum(t => t.DocFreq), SumOrUnknown(g.Select(t => t.TotalTermFreq))))
            .ToList();
        var fields = all.SelectMany(s => s.Fields)
            .GroupBy(f => f.Field)
            .Select(g => new FieldFigures(
                g.Key,
                SumOrUnknown(g.Select(f => f.DocCount)),
                SumOrUnknown(g.Select(f => f.SumTotalTermFreq)),
                SumOrUnknown(g.Select(f => f.SumDocFreq))))
            .ToList();
        return new CorpusStatistics(all.Sum(s => s.MaxDoc), terms, fields);
    }

    /// <summary>These figures with those of more terms and their fields (summed over the same shards).</summary>
    public CorpusStatistics With(CorpusStatistics more)
    {
        var known = Terms.Select(t => (t.Field, t.Text)).ToHashSet();
        var knownFields = Fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Terms = [.. Terms, .. more.Terms.Where(t => !known.Contains((t.Field, t.Text)))],
            Fields = [.. Fields, .. more.Fields.Where(f => !knownFields.Contains(f.Field))],
        };
    }

    /// <summary>The sum, or -1 (unknown) when any shard does not keep the figure, as Lucene reports it for one index.</summary>
    private static long SumOrUnknown(IEnumerable<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            if (value < 0)
                return -1;
            sum += value;
        }
        return sum;
    }
}
