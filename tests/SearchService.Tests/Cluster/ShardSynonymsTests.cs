using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node's own synonyms file (<c>Search:SynonymsPath</c>) holds in cluster mode: the copies parse each search with the
/// list the gatherer parsed it with, not the shipped one, so a name finds the articles that use only its synonym.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardSynonymsTests
{
    [PostgresFact]
    public async Task A_search_through_the_shards_expands_the_nodes_own_synonyms()
    {
        using var folder = new TempDirectory();
        var synonymsPath = Path.Combine(folder.Path, "synonyms.txt");
        await File.WriteAllTextAsync(synonymsPath, "# this newsroom's list\nSpice Island, Zanzibar\n");
        await using var cluster = await ShardCluster.StartAsync(silos: 2, shards: 4, replicas: 1, synonymsPath: synonymsPath);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(
        [
            new Article("clove-harvest", "Clove harvest falls", ["Zanzibar exported fewer cloves this season after heavy rains, growers said."]),
            new Article("tea-prices", "Tea prices steady", ["Tea prices held steady at the Mombasa auction on Tuesday."]),
        ]));

        var found = await cluster.Searcher.SearchAsync(new SearchRequest("spice island cloves"));

        Assert.Equal(["clove-harvest"], found.Hits.Select(h => h.ArticleId));
    }
}
