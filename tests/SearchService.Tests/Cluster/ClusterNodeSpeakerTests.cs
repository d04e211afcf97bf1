using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Speaker identities through a node process (its default <c>Search:SpeakerIdentities</c>, on): the node reads its
/// corpus folder into the cluster with the cluster's table, and answers speaker filters and <c>/speakers/{name}</c> as the
/// single node learning the same articles one by one.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterNodeSpeakerTests
{
    [PostgresReutersFact]
    public async Task Through_a_nodes_api_speaker_filters_and_profiles_are_the_single_node_s_with_identities()
    {
        using var folders = new TempDirectory();
        var corpus = Directory.CreateDirectory(folders.Combine("corpus")).FullName;
        var path = Path.Combine(corpus, "reuters.jsonl");
        ReutersCorpus.CopyStart(path, SpeakerShardCluster.Articles);
        using var single = new SpeakerReference(path);
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_speakers");
        using var node = new NodeProcess(database.ConnectionString, $"speakers-{Guid.NewGuid():N}", folders.Combine("shards"), corpus,
            "--Search:Cluster:Shards=3", "--Search:Cluster:Replicas=1");
        var client = await node.ClientAsync();
        await node.WaitForSearchAsync(client, "/search?collapse=article", found => found.TotalArticles == single.Articles.Count);
        var names = single.ShortAndFullNames();
        Assert.True(names.Count > 0, "No speaker indexed under a short form and a full name: the test shows nothing");
        var profiles = new SpeakerProfiles(single.Index, new QuoteSearcher(single.Index));
        var searcher = new ParagraphSearcher(single.Index);

        foreach (var (@short, _) in names)
        {
            var expected = profiles.Find(@short)!;
            var actual = (await client.GetFromJsonAsync<SpeakerProfile>($"/speakers/{Uri.EscapeDataString(@short)}", ProcessCluster.Json))!;
            Assert.Equal((expected.Name, expected.Kind, expected.Statements), (actual.Name, actual.Kind, actual.Statements));
            Assert.Equal(expected.Variants, actual.Variants);
            Assert.Equal(expected.Roles, actual.Roles);
            var filtered = await ProcessCluster.SearchAsync(client, $"/search?speaker={Uri.EscapeDataString(@short)}");
            Assert.Equal(searcher.Search(new SearchRequest(null, Speaker: [@short])).Total, filtered.Total);
        }
    }
}
