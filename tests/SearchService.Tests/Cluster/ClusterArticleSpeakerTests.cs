using System.Net;
using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Core.Corpus;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// <c>GET /articles/{id}</c> in cluster mode shows the speakers search facets count: an article stored without facets (a
/// row written before the log kept them) is extracted through the cluster's speaker table, as its shard copies extract it.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterArticleSpeakerTests
{
    private const string Surname = "\"Prices are stable,\" Volcker said.";

    [PostgresFact]
    public async Task An_article_stored_without_facets_shows_the_speakers_its_search_facets_count()
    {
        // Extracted without the table, the surname stays a speaker of its own.
        Assert.Equal(["Volcker"], Facets.Facets.Extractor.Extract(new Article("probe", "Fed news", [Surname])).Paragraphs.Single().Speaker);
        using var folders = new TempDirectory();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_article_speakers");
        using var node = new NodeProcess(database.ConnectionString, $"article-speakers-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Shards=2", "--Search:Cluster:Replicas=1");
        var client = await node.ClientAsync();
        await ProcessCluster.WaitUntilReadyAsync(client);
        // Two articles naming the full name teach the table that the surname alone is Paul Volcker.
        await PutAsync(client, "volcker-dollar", "\"The dollar has fallen enough,\" Federal Reserve Board Chairman Paul Volcker said.");
        await PutAsync(client, "volcker-banks", "\"The banks are sound,\" Federal Reserve Board Chairman Paul Volcker said.");
        await PutAsync(client, "volcker-prices", Surname);
        await ShardCluster.ExecuteAsync(database.ConnectionString,
            "WITH next AS (UPDATE article_version_counter SET last_version = last_version + 1 RETURNING last_version) " +
            "UPDATE articles SET version = next.last_version, facets = NULL FROM next WHERE id = 'volcker-prices'");
        List<string>? counted = null;
        await Eventually.True(async () =>
            (counted = (await client.GetOk<SearchAnswer>("/search?q=stable")).Facets.Speaker.Select(v => v.Value).ToList()) is ["Paul Volcker"],
            "the copies resolve the facet-less row's surname to Paul Volcker");

        var article = await client.GetOk<ArticleAnswer>("/articles/volcker-prices");

        Assert.Equal(counted, Assert.Single(article.Paragraphs).Speaker);
    }

    private static async Task PutAsync(HttpClient node, string id, string paragraph) =>
        Assert.Equal(HttpStatusCode.Created,
            (await node.PutAsync($"/articles/{id}?refresh=wait_for", JsonContent.Create(new { title = "Fed news", paragraphs = new[] { paragraph } }))).StatusCode);
}
