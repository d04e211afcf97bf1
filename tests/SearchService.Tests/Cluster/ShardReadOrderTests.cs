using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Reads that never go backwards across the copies of a shard: a search opens on a copy only once it has applied the
/// highest version a copy of the shard answered the node's searches at (<see cref="ShardSearch.MinVersion"/>), so a
/// write one search found is found by every later one, whichever copy each asks. A request's <see cref="ReadFloor"/>
/// (a client's token) raises that version.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardReadOrderTests
{
    private static readonly DateTimeOffset March1987 = new(1987, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task A_search_opening_at_a_version_its_copy_has_not_applied_waits_for_it_and_sees_that_write()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Probe("before", "earlier")]));
        var grain = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var search = new ShardSearch(Guid.NewGuid(), Opens: true, MinVersion: await cluster.Log.CurrentVersionAsync() + 1);

        // Asked before the version it names is written: the copy answers once it has applied it.
        var asking = grain.DfsAsync(search, new ShardRequest(new SearchRequest("zanzibarite"), [], SemanticDepth: 0), []);
        var written = await cluster.Log.PutManyAsync([Probe("after", "zanzibarite")]);
        var answer = await asking;
        await grain.CloseAsync(search.Id);

        Assert.Equal(search.MinVersion, written);
        Assert.True(answer.Version >= written, $"answered at version {answer.Version}, before {written}");
        Assert.Contains(answer.Dfs.Statistics.Terms, term => term.DocFreq == 1);
    }

    [PostgresFact]
    public async Task A_copy_that_does_not_apply_the_version_in_time_fails_the_call_as_an_unavailable_copy_does()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Probe("only", "lonely")]));
        var grain = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var neverWritten = new ShardSearch(Guid.NewGuid(), Opens: true, MinVersion: await cluster.Log.CurrentVersionAsync() + 1_000);

        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(async () => await GrainShard.BoundedAsync(
            grain.DfsAsync(neverWritten, new ShardRequest(new SearchRequest("lonely"), [], SemanticDepth: 0), []), GrainShardSource.DefaultTimeout, shard: 0));

        Assert.Contains($"not yet {neverWritten.MinVersion}", failure.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_search_that_finds_a_write_reports_a_version_at_least_the_write_s()
    {
        const int Writes = 40;
        const int Searchers = 3;
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Probe("seed", "seedword")]));
        var grain = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var understated = new List<string>();

        for (var w = 0; w < Writes; w++)
        {
            var word = $"givenversion{w}probe";
            // Searches run while the write is applied, so that some open just as the copy's searcher takes it in.
            var writing = cluster.Log.PutManyAsync([Probe($"probe-{w}", word)]);
            var found = await Task.WhenAll(Enumerable.Range(0, Searchers).Select(_ => Task.Run(async () =>
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                while (DateTime.UtcNow < deadline)
                {
                    var search = new ShardSearch(Guid.NewGuid(), Opens: true);
                    var answer = await grain.DfsAsync(search, new ShardRequest(new SearchRequest(word), [], SemanticDepth: 0), []);
                    await grain.CloseAsync(search.Id);
                    if (answer.Dfs.Statistics.Terms.Any(term => term.DocFreq == 1))
                        return answer.Version;
                }
                return -1L;
            })));
            var written = await writing;
            understated.AddRange(found.Where(version => version < written).Select(version => $"{word}: found at version {version}, written at {written}"));
        }

        Assert.Empty(understated);
    }

    [PostgresFact]
    public async Task Once_a_search_through_two_copies_finds_a_write_every_later_search_finds_it()
    {
        const int Writes = 10;
        const int LaterSearches = 10;
        await using var cluster = await ShardCluster.StartAsync(silos: 2, shards: 1, replicas: 2);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Probe("seed", "seedword")]));
        var lostAfterFound = new List<string>();

        for (var w = 0; w < Writes; w++)
        {
            var word = $"readorder{(char)('a' + w)}probe";
            await cluster.Log.PutManyAsync([Probe($"probe-{w}", word)]);
            // The searches ask the two copies in turn: the first to find the write may be the copy that applied it first.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await cluster.Searcher.SearchAsync(new SearchRequest(word))).Total == 0)
                Assert.True(DateTime.UtcNow < deadline, $"{word} was never found");
            for (var s = 0; s < LaterSearches; s++)
            {
                if ((await cluster.Searcher.SearchAsync(new SearchRequest(word))).Total == 0)
                    lostAfterFound.Add($"{word}, search {s + 1} after the one that found it");
            }
        }

        Assert.Empty(lostAfterFound);
    }

    [PostgresFact]
    public async Task A_search_under_a_request_s_floor_waits_for_the_version_it_names_and_reports_the_version_answered_at()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Probe("before", "earlier")]));
        var floor = new ReadFloor(await cluster.Log.CurrentVersionAsync() + 1);

        // Asked before the version its floor names is written (as a client's token from another node can be ahead of
        // this node's copies): the copy answers once it has applied it.
        var searching = SearchUnderAsync(floor, cluster.Searcher, "zanzibarite");
        var written = await cluster.Log.PutManyAsync([Probe("after", "zanzibarite")]);

        Assert.Equal(1, (await searching).Total);
        Assert.True(floor.Answered >= written, $"answered at version {floor.Answered}, before {written}");
    }

    // The floor is set in this method's flow, as the API sets it for one request, and not in the test's.
    private static async Task<SearchResult> SearchUnderAsync(ReadFloor floor, ShardedSearcher searcher, string word)
    {
        ReadFloor.Current = floor;
        return await searcher.SearchAsync(new SearchRequest(word));
    }

    private static Article Probe(string id, string word) => new(id, $"Probe {word}", [$"The word {word} appears in this paragraph."], March1987);
}
