using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// The region-hierarchy fields of an article's documents (paragraphs, statements): a <see cref="IndexSchema.RegionScope"/>
/// term for each region on the paths of a document's regions, and a <see cref="IndexSchema.RegionPath"/> doc value for
/// each prefix of those paths. A region's path, prefixes and doc-values fields are worked out once and kept for as long
/// as its ancestors stay the same, where working them out again with LINQ for every paragraph and statement was about
/// 2% of a corpus pass's indexing threads. A document's values are each added once, in the order of its regions' paths,
/// outermost first. One a thread, as <see cref="ReusableExactFields"/> are.
/// </summary>
internal sealed class RegionHierarchyFields
{
    /// <summary>Past this many regions (the gazetteer has a few hundred), the kept ones are dropped and worked out again.</summary>
    private const int MaxKept = 10_000;

    [ThreadStatic]
    private static RegionHierarchyFields? forThisThread;

    private readonly Dictionary<string, Region> regions = new(StringComparer.Ordinal);
    private readonly List<string> added = [];
    private ArticleFacets? facets;

    /// <summary>The thread's instance, for the documents of the article <paramref name="of"/> describes (whose region ancestors it reads).</summary>
    public static RegionHierarchyFields For(ArticleFacets of)
    {
        var fields = forThisThread ??= new RegionHierarchyFields();
        fields.facets = of;
        return fields;
    }

    /// <summary>Adds the <see cref="IndexSchema.RegionScope"/> terms of <paramref name="documentRegions"/>.</summary>
    public void AddScopes(Document doc, ReusableExactFields exact, IReadOnlyList<string> documentRegions)
    {
        added.Clear();
        for (var r = 0; r < documentRegions.Count; r++)
            foreach (var scope in Of(documentRegions[r]).Path)
                if (!added.Contains(scope))
                {
                    added.Add(scope);
                    doc.Add(exact.Get(IndexSchema.RegionScope, scope, Field.Store.NO));
                }
    }

    /// <summary>Adds the <see cref="IndexSchema.RegionPath"/> doc values of <paramref name="documentRegions"/>.</summary>
    public void AddPaths(Document doc, IReadOnlyList<string> documentRegions)
    {
        added.Clear();
        for (var r = 0; r < documentRegions.Count; r++)
        {
            var region = Of(documentRegions[r]);
            for (var depth = 0; depth < region.Prefixes.Length; depth++)
                if (!added.Contains(region.Prefixes[depth]))
                {
                    added.Add(region.Prefixes[depth]);
                    doc.Add(region.PrefixFields[depth]);
                }
        }
    }

    private Region Of(string region)
    {
        // The article's facets say what encloses the region; what was kept stands only if they say the same.
        var ancestors = facets!.RegionAncestors?.GetValueOrDefault(region) ?? [];
        if (regions.TryGetValue(region, out var known) && known.HasAncestors(ancestors))
            return known;
        if (regions.Count >= MaxKept)
            regions.Clear();
        return regions[region] = new Region(region, ancestors);
    }

    /// <summary>
    /// A region's path, outermost first (its ancestors from the nearest up, reversed, then itself), the path's
    /// prefixes and their doc-values fields: the same instances in every document, as the writer copies a value as it
    /// indexes it.
    /// </summary>
    private sealed class Region
    {
        public Region(string region, IReadOnlyList<string> ancestors)
        {
            Path = new string[ancestors.Count + 1];
            for (var i = 0; i < ancestors.Count; i++)
                Path[ancestors.Count - 1 - i] = ancestors[i];
            Path[^1] = region;
            Prefixes = new string[Path.Length];
            PrefixFields = new SortedSetDocValuesField[Path.Length];
            for (var depth = 0; depth < Path.Length; depth++)
            {
                Prefixes[depth] = depth == 0 ? Path[0] : Prefixes[depth - 1] + IndexSchema.RegionPathSeparator + Path[depth];
                PrefixFields[depth] = new SortedSetDocValuesField(IndexSchema.RegionPath, new BytesRef(Prefixes[depth]));
            }
        }

        public string[] Path { get; }

        public string[] Prefixes { get; }

        public SortedSetDocValuesField[] PrefixFields { get; }

        public bool HasAncestors(IReadOnlyList<string> ancestors)
        {
            if (ancestors.Count != Path.Length - 1)
                return false;
            for (var i = 0; i < ancestors.Count; i++)
                if (!string.Equals(ancestors[i], Path[ancestors.Count - 1 - i], StringComparison.Ordinal))
                    return false;
            return true;
        }
    }
}
