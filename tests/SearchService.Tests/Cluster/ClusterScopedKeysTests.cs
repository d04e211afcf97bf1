using System.Diagnostics;
using SearchService.Api.Security;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// The cluster's scoped keys in PostgreSQL (<see cref="SearchService.Api.Cluster.ClusterScopedKeys"/>): a key issued
/// through one node works through the others, one revoked through one node is refused by the others within moments, and
/// keys issued through two nodes at once are all kept. (Kept in each node's index folder, as a single process keeps
/// them, a key would work only through the node that issued it, and a revoked one would go on working elsewhere.)
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterScopedKeysTests
{
    /// <summary>A change is told to the other nodes at once, and checked for every second without a notice: 5 s is room for a loaded machine.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private static readonly ScopedKeyFilters Reuters = new(Source: ["Reuters"]);

    [PostgresFact]
    public async Task A_key_issued_through_one_node_is_accepted_by_the_others_and_by_a_node_started_after()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = await ScopedKeyNode.StartAsync(log.ConnectionString);
        await using var second = await ScopedKeyNode.StartAsync(log.ConnectionString);

        var (key, secret) = await first.Keys.IssueAsync("a newsroom's box", Reuters, [], null, CancellationToken.None);

        Assert.True(await WithinAsync(() => second.Keys.Check(secret, out _) is null), $"The second node did not accept key {key.Id} within {Within}");
        Assert.Null(second.Keys.Check(secret, out var grant));
        Assert.Equal(key.Id, grant.KeyId);
        Assert.Equal(["Reuters"], grant.Scope.Source);
        Assert.NotNull(second.Keys.Check(secret + "x", out _));
        await using var later = await ScopedKeyNode.StartAsync(log.ConnectionString);
        Assert.Null(later.Keys.Check(secret, out _));
    }

    [PostgresFact]
    public async Task A_key_revoked_through_one_node_is_refused_by_the_others_within_moments()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = await ScopedKeyNode.StartAsync(log.ConnectionString);
        await using var second = await ScopedKeyNode.StartAsync(log.ConnectionString);
        var (key, secret) = await first.Keys.IssueAsync(null, Reuters, [], null, CancellationToken.None);
        Assert.True(await WithinAsync(() => second.Keys.Check(secret, out _) is null), $"The second node did not accept key {key.Id} within {Within}");

        var clock = Stopwatch.StartNew();
        await first.Keys.RevokeAsync(key.Id, CancellationToken.None);

        Assert.NotNull(first.Keys.Check(secret, out _));
        Assert.True(await WithinAsync(() => second.Keys.Check(secret, out _) is not null), $"The second node still accepted revoked key {key.Id} after {Within}");
        var refusal = second.Keys.Check(secret, out _)!;
        Assert.Equal(key.Id, refusal.KeyId);
        Assert.Contains("revoked", refusal.Detail, StringComparison.Ordinal);
        Console.WriteLine($"Revoked through one node, refused by the other after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [PostgresFact]
    public async Task A_signed_key_revoked_through_one_node_is_refused_by_the_others()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = await ScopedKeyNode.StartAsync(log.ConnectionString);
        await using var second = await ScopedKeyNode.StartAsync(log.ConnectionString);

        await first.Keys.RevokeAsync("leaked-token", CancellationToken.None);

        Assert.True(await WithinAsync(() => second.Keys.SignedRevokedAt("leaked-token") is not null), $"The second node did not learn of the revoked signed key within {Within}");
        Assert.Equal("leaked-token", Assert.Single(second.Keys.RevokedSigned()).Id);
    }

    [PostgresFact]
    public async Task Keys_issued_through_two_nodes_at_once_are_all_kept()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = await ScopedKeyNode.StartAsync(log.ConnectionString);
        await using var second = await ScopedKeyNode.StartAsync(log.ConnectionString);

        var issued = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(() =>
            (n % 2 == 0 ? first : second).Keys.IssueAsync($"key {n}", Reuters, [], null, CancellationToken.None))));

        var ids = issued.Select(i => i.Key.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var node in new[] { first, second })
        {
            Assert.True(await WithinAsync(() => node.Keys.Keys().Count == ids.Count), $"A node lists {node.Keys.Keys().Count} keys, not {ids.Count}");
            Assert.Equal(ids, node.Keys.Keys().Select(k => k.Id).Order(StringComparer.Ordinal));
            Assert.All(issued, i => Assert.Null(node.Keys.Check(i.Secret, out _)));
        }
    }

    private static async Task<bool> WithinAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Within)
                return false;
            await Task.Delay(10);
        }
        return true;
    }
}
