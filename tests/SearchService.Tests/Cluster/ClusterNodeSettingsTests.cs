using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node process keeps the single node's settings: the node's own topic taxonomy (<c>Search:TaxonomyPath</c>) gives
/// the topics of what it reads from its corpus folder and what is written through it, and a bad synonyms file stops its
/// start as it stops a single node's.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterNodeSettingsTests
{
    [PostgresFact]
    public async Task A_nodes_own_taxonomy_gives_the_topics_of_its_corpus_folder_and_of_its_writes()
    {
        using var folders = new TempDirectory();
        var corpus = NodeProcess.SeedCorpus(folders);
        var taxonomy = folders.Combine("taxonomy.json");
        await File.WriteAllTextAsync(taxonomy, """
            {"source": "test", "threshold": 2, "topics": [{"name": "Bilateral relations", "triggers": ["bilateral engagement"], "cues": []}]}
            """);
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_settings");
        using var node = new NodeProcess(database.ConnectionString, $"settings-{Guid.NewGuid():N}", folders.Combine("shards"), corpus,
            "--Search:Cluster:Shards=2", "--Search:Cluster:Replicas=1", $"--Search:TaxonomyPath={taxonomy}");
        var client = await node.ClientAsync();
        (await client.PutAsync("/articles/talks", JsonContent.Create(new
        {
            Title = "Ministers meet in Lisbon",
            Paragraphs = new[] { "The ministers praised their bilateral engagement and promised more bilateral engagement next year." },
        }))).EnsureSuccessStatusCode();

        var answer = await node.WaitForSearchAsync(client, "/search?topic=Bilateral+relations&collapse=article", found => found.TotalArticles == 2);

        Assert.Equal(["Bilateral relations"], answer.Facets.Topic.Select(v => v.Value));
    }

    [PostgresFact]
    public async Task A_missing_synonyms_file_stops_a_nodes_start_naming_the_file()
    {
        using var folders = new TempDirectory();
        var missing = folders.Combine("no-such-synonyms.txt");
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_settings");
        using var node = new NodeProcess(database.ConnectionString, $"settings-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Shards=2", $"--Search:SynonymsPath={missing}");

        Assert.NotEqual(0, await node.ExitCode());
        Assert.Contains("no-such-synonyms.txt", node.Output);
    }
}
