using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// One numbering of a facet field's values across all segments of one index reader (global ordinals, in value
/// order), so a search counts into one array and turns only the values it shows into strings. Built once per reader
/// and field, on first use, and kept while the reader lives.
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, FacetOrdinals>> Cache = new();

    private readonly IndexReader reader;
    private readonly string field;
    // Null when at most one segment has values: its ordinals are already global.
    private readonly MultiDocValues.OrdinalMap? map;
    private readonly int singleLeaf;
    // Values already read, by global ordinal: the same few values are shown by search after search, and reading one
    // from the doc values means seeking into a compressed block. Races only store the same string twice.
    private readonly string?[] values;

    private FacetOrdinals(IndexReader reader, string field)
    {
        this.reader = reader;
        this.field = field;
        var leaves = reader.Leaves;
        var values = leaves.Select(leaf => leaf.AtomicReader.GetSortedSetDocValues(field)).ToArray();
        var withValues = Enumerable.Range(0, values.Length).Where(i => values[i] is { ValueCount: > 0 }).ToList();
        singleLeaf = withValues.Count == 1 ? withValues[0] : -1;
        if (withValues.Count > 1)
        {
            map = new MultiDocValues.OrdinalMap(reader.CoreCacheKey, values.Select(v => v?.GetTermsEnum() ?? TermsEnum.EMPTY).ToArray());
            ValueCount = (int)map.ValueCount;
        }
        else
        {
            ValueCount = withValues.Count == 1 ? (int)values[singleLeaf]!.ValueCount : 0;
        }
        this.values = new string?[ValueCount];
    }

    public static FacetOrdinals For(IndexReader reader, string field) =>
        Cache.GetValue(reader, _ => new ConcurrentDictionary<string, FacetOrdinals>(StringComparer.Ordinal))
            .GetOrAdd(field, f => new FacetOrdinals(reader, f));

    /// <summary>
    /// Builds the ordinals of every counted field for a new reader before searches get it, so no search pays for
    /// them (speakers run into thousands of values in many segments).
    /// </summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var field in CountedFields)
            For(reader, field);
    }

    /// <summary>The fields searches count: the facets and the region paths of the region tree.</summary>
    public static readonly string[] CountedFields = [.. IndexSchema.FacetFields, IndexSchema.RegionPath];

    /// <summary>How many distinct values the field has in this reader.</summary>
    public int ValueCount { get; }

    /// <summary>Whether a segment's ordinals are the global ones (at most one segment has values).</summary>
    public bool SegmentOrdsAreGlobal => map is null;

    public long GlobalOrd(int leafOrd, long segmentOrd) => map?.GetGlobalOrd(leafOrd, segmentOrd) ?? segmentOrd;

    public string Value(long globalOrd) => values[globalOrd] ??= ReadValue(globalOrd);

    private string ReadValue(long globalOrd)
    {
        var leaf = map is null ? singleLeaf : map.GetFirstSegmentNumber(globalOrd);
        var segmentOrd = map?.GetFirstSegmentOrd(globalOrd) ?? globalOrd;
        var term = new BytesRef();
        reader.Leaves[leaf].AtomicReader.GetSortedSetDocValues(field).LookupOrd(segmentOrd, term);
        return term.Utf8ToString();
    }

    /// <summary>The global ordinal of <paramref name="value"/>, or -1 when no document has it.</summary>
    public long Find(string value)
    {
        var term = new BytesRef(value);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetSortedSetDocValues(field) is { } values && values.LookupTerm(term) is var ord and >= 0)
                return GlobalOrd(leaf.Ord, ord);
        }
        return -1;
    }
}
