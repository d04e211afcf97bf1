using System.Collections.Concurrent;

namespace SearchService.Cluster.Shards;

/// <summary>
/// The choice behind <see cref="ShardCopyPlacementDirector"/>: a silo for a copy of a shard where no other copy of the
/// shard is, as far as the grain directory and this silo's own recent choices show. A shard's copies asked at once (as
/// <c>/health</c> asks every copy) are placed one after the other here, each seeing the silo chosen for the one before:
/// the directory shows an activation only once it has registered, so two copies placed at the same moment on a lone
/// silo would otherwise both land on it.
/// </summary>
internal sealed class ShardCopySiloChooser(int replicas, Func<ShardCopy, ValueTask<SiloAddress?>> activeAt, TimeProvider time)
{
    /// <summary>
    /// How long a choice counts when the directory does not show its activation: long enough for the activation to
    /// register on a loaded machine; after it, a copy that was chosen a silo and never activated frees that silo.
    /// </summary>
    internal static readonly TimeSpan Registering = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> shardTurns = new();
    private readonly ConcurrentDictionary<ShardCopy, (SiloAddress Silo, long At)> chosen = new();

    /// <summary>
    /// The silo for <paramref name="placed"/>: <paramref name="hinted"/> when it holds no other copy of the shard, else
    /// the first such silo of <paramref name="silos"/> taken from the shard's number plus the copy's (so copies placed
    /// on different silos at the same moment land apart, and the shards spread over the silos).
    /// </summary>
    /// <exception cref="ShardCopyUnassignedException">Every silo holds another copy of the shard.</exception>
    public async Task<SiloAddress> ChooseAsync(ShardCopy placed, IReadOnlyList<SiloAddress> silos, SiloAddress? hinted)
    {
        var turn = shardTurns.GetOrAdd(placed.Shard, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync();
        try
        {
            var taken = await TakenAsync(placed);
            var silo = hinted is not null && !taken.Contains(hinted)
                ? hinted
                : Enumerable.Range(0, silos.Count).Select(i => silos[(placed.Shard + placed.Copy + i) % silos.Count]).FirstOrDefault(s => !taken.Contains(s))
                    ?? throw new ShardCopyUnassignedException(placed, silos.Count);
            chosen[placed] = (silo, time.GetTimestamp());
            return silo;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The silos holding, or just chosen for, another copy of <paramref name="placed"/>'s shard.</summary>
    private async Task<HashSet<SiloAddress>> TakenAsync(ShardCopy placed)
    {
        var taken = new HashSet<SiloAddress>();
        foreach (var other in Enumerable.Range(0, replicas).Where(copy => copy != placed.Copy).Select(copy => placed with { Copy = copy }))
        {
            if (await activeAt(other) is { } active)
            {
                // Registered: from now on the directory tells where it is, and that it is gone once it is.
                taken.Add(active);
                chosen.TryRemove(other, out _);
            }
            else if (chosen.TryGetValue(other, out var choice) && time.GetElapsedTime(choice.At) < Registering)
                taken.Add(choice.Silo);
        }
        return taken;
    }
}
