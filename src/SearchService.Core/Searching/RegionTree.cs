using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts the region facet as a tree (continent → sub-region → country) from the region paths each paragraph is
/// indexed with: a node's count is the number of matching paragraphs about it or any place under it, each counted once.
/// </summary>
public static class RegionTree
{
    /// <summary>Nests counted paths ("Asia", "Asia␟South Asia", ...) under their parents.</summary>
    /// <param name="size">How many children each node lists, largest first.</param>
    public static IReadOnlyList<FacetTreeNode> Build(IReadOnlyDictionary<string, int> pathCounts, int size)
    {
        var byParent = pathCounts.Keys.ToLookup(ParentOf, StringComparer.Ordinal);
        return Level("");

        IReadOnlyList<FacetTreeNode> Level(string parent) => byParent[parent]
            .Select(path =>
            {
                var children = Level(path);
                return new FacetTreeNode(NameOf(path), pathCounts[path], children.Count == 0 ? null : children);
            })
            .OrderByDescending(n => n.Count).ThenBy(n => n.Value, StringComparer.Ordinal)
            .Take(size)
            .ToList();
    }

    private static string ParentOf(string path) =>
        path.LastIndexOf(IndexSchema.RegionPathSeparator) is var cut and >= 0 ? path[..cut] : "";

    private static string NameOf(string path) => path[(path.LastIndexOf(IndexSchema.RegionPathSeparator) + 1)..];
}
