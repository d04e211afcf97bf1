using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A client's token read through a node whose copy really is behind (<see cref="HeldCopyCluster"/>): a write goes into
/// the article log while the secondary silo's connections to it are held, one node's read finds it on the other copy
/// and reports its version, and the same read through other nodes given that version as <c>minVersion</c> finds it
/// too, whichever copy they ask first, while the held copy has still not applied it. Without the floor, the read that
/// asks the held copy answers from what that copy holds, without the write.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class HeldCopyReadTokenTests(HeldCopyCluster cluster) : IClassFixture<HeldCopyCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_search_through_a_node_given_the_version_another_found_a_write_at_finds_it_while_a_copy_has_not_applied_it() =>
        await ReadThroughNodesBehindAsync("heldsearch", node => node.Backend.SearchAsync(new SearchRequest(Word("heldsearch")), CancellationToken.None),
            result => result.Hits.Any(hit => hit.ArticleId == "heldsearch"));

    [PostgresFact]
    public async Task Facet_values_through_a_node_given_the_version_another_counted_a_write_at_count_it_while_a_copy_has_not_applied_it() =>
        await ReadThroughNodesBehindAsync("heldfacet",
            node => node.Backend.FacetValuesAsync(new SearchRequest(Word("heldfacet")), "region", "", 10, CancellationToken.None),
            values => values.Any(value => value.Value == "Pakistan"));

    [PostgresFact]
    public async Task An_export_through_a_node_given_the_version_another_exported_a_write_at_holds_it_while_a_copy_has_not_applied_it() =>
        await ReadThroughNodesBehindAsync("heldexport",
            async node => await (await node.Backend.ExportAsync(new SearchRequest(Word("heldexport")), CancellationToken.None)).ToListAsync(),
            lines => lines.Any(line => line.ArticleId == "heldexport"));

    [PostgresFact]
    public async Task Related_articles_through_a_node_given_the_version_another_found_them_at_find_the_article_while_a_copy_has_not_applied_it() =>
        await ReadThroughNodesBehindAsync("heldrelated", node => node.Related.FindAsync(new RelatedRequest("heldrelated", new SearchRequest(null), By: RelatedBy.Words)),
            related => related?.ArticleId == "heldrelated");

    /// <summary>The word only article <paramref name="id"/> holds.</summary>
    private static string Word(string id) => $"{id}word";

    /// <summary>
    /// Holds the secondary silo's connections, writes article <paramref name="id"/> (holding a word of its own) into the
    /// log, reads <paramref name="read"/> through a first node until the read finds it, then through one node per copy
    /// given the version the first reported. Node n made n reads before the hold, and a node asks the copies in turn,
    /// so their reads after it ask every copy first between them: one asks the held copy with no version of its own to
    /// wait for beyond the token.
    /// </summary>
    private async Task ReadThroughNodesBehindAsync<T>(string id, Func<HeldCopyNode, Task<T>> read, Func<T, bool> found)
    {
        var first = cluster.NewNode();
        var others = Enumerable.Range(0, cluster.Shards.Replicas).Select(_ => cluster.NewNode()).ToList();
        try
        {
            for (var n = 0; n < others.Count; n++)
            {
                for (var before = 0; before < n; before++)
                    await others[n].Backend.ReadAtAsync(0, () => read(others[n]), CancellationToken.None);
            }
            cluster.Secondary.Hold();
            var written = await cluster.Shards.Log.PutManyAsync([
                new Article(id, "Held copies", [$"The {Word(id)} was written in Islamabad, Pakistan."], new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero))]);
            var clock = Stopwatch.StartNew();
            (T Result, long? Version) seen;
            while (!found((seen = await first.Backend.ReadAtAsync(0, () => read(first), CancellationToken.None)).Result))
                Assert.True(clock.Elapsed < Patience, $"{id} was not found through the first node within {Patience}.");
            var token = seen.Version!.Value;

            var answers = new List<(T Result, long? Version)>();
            foreach (var node in others)
                answers.Add(await node.Backend.ReadAtAsync(token, () => read(node), CancellationToken.None));

            Assert.False(await cluster.Shards.Cluster.Client.GetGrain<IShardGrain>(cluster.HeldCopy.Key).HasAppliedAsync(written, TimeSpan.Zero),
                $"{cluster.HeldCopy} applied version {written} while held: no copy was behind");
            Assert.All(answers, answer =>
            {
                Assert.True(found(answer.Result), $"a read given version {token} did not find {id}");
                Assert.True(answer.Version >= token, $"a read given version {token} reported {answer.Version}");
            });
        }
        finally
        {
            cluster.Secondary.Release();
            await first.DisposeAsync();
            foreach (var node in others)
                await node.DisposeAsync();
        }
    }
}
