using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard of the cluster, for <see cref="ShardedSearcher"/>: its copies' grains, wherever Orleans placed them. Each
/// search asks the next copy in turn, spreading the searches over them; a copy that failed a call is passed over for a
/// while (<see cref="RestAfterFailure"/>), so that the search tried again, and those after it, ask another. Reads do
/// not go backwards: a search opens on a copy only once it has applied the highest version a copy of the shard has
/// answered this source's searches at (<see cref="ShardSearch.MinVersion"/>), so a write one search found is found by
/// every later one, whichever copy it asks. A request's <see cref="ReadFloor"/> raises that version for its searches (a
/// client's token from another node) and learns the highest version they were answered at. A copy refused a node
/// (<see cref="ShardCopyUnassignedException"/>: fewer nodes than copies) is passed over until the grain directory shows
/// it active (<see cref="ShardRebalancer"/> builds it on a node that joins, then starts it there): asking it would
/// start it on the new node in the search's path, its index read from the whole log while the search waits.
/// </summary>
public sealed class GrainShardSource : IShardSource
{
    /// <summary>How long one call to a shard may take unless said otherwise: well above a search's, well below Orleans' 30 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a copy that failed is passed over: long enough for Orleans to declare a dead silo dead and the copy to
    /// be placed again elsewhere (seconds), short enough that a copy that merely hiccuped takes its share again soon.
    /// </summary>
    public static readonly TimeSpan RestAfterFailure = TimeSpan.FromSeconds(15);

    /// <summary>How often the grain directory is asked whether an unassigned copy has been started on a node since.</summary>
    public static readonly TimeSpan UnassignedCheck = TimeSpan.FromSeconds(1);

    private readonly IGrainFactory grains;
    private readonly int shard;
    private readonly TimeSpan timeout;
    private readonly long[] failedAt;
    // When each unassigned copy was last looked up in the grain directory; 0: the copy is not known to be unassigned.
    private readonly long[] unassignedCheckedAt;
    private readonly int[] checking;
    private int next;
    // The highest version of the article log a copy of this shard has answered a search at.
    private long seenVersion;

    public GrainShardSource(IGrainFactory grains, int shard, int replicas, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        this.grains = grains;
        this.shard = shard;
        this.timeout = timeout;
        failedAt = new long[replicas];
        unassignedCheckedAt = new long[replicas];
        checking = new int[replicas];
    }

    /// <summary>A source for each of the cluster's <paramref name="shards"/>, in shard order.</summary>
    /// <param name="replicas">The copies of each shard the silos keep (<see cref="ShardGrainOptions.Replicas"/>).</param>
    public static IReadOnlyList<IShardSource> All(IGrainFactory grains, int shards, TimeSpan? timeout = null, int replicas = ShardGrainOptions.DefaultReplicas) =>
        Enumerable.Range(0, shards).Select(shard => new GrainShardSource(grains, shard, replicas, timeout ?? DefaultTimeout)).ToList();

    /// <summary>The status of every copy of every shard, shard by shard (copies not active are activated to answer).</summary>
    /// <param name="timeout">How long each copy may take to answer; null: <see cref="DefaultTimeout"/>. A copy activated
    /// by the call answers once it has caught up with the log, which takes longer the longer the log.</param>
    /// <exception cref="ShardUnavailableException">A copy did not answer in time (its silo died and is not yet declared dead, or it could not activate).</exception>
    public static async Task<IReadOnlyList<ShardStatus>> StatusesAsync(
        IGrainFactory grains, int shards, int replicas = ShardGrainOptions.DefaultReplicas, TimeSpan? timeout = null) =>
        await Task.WhenAll(ShardCopy.All(shards, replicas).Select(copy => AskAsync(grains, copy, grain => grain.StatusAsync(), timeout ?? DefaultTimeout)));

    /// <summary>
    /// One call to one copy, outside a search: its answer, or <see cref="ShardUnavailableException"/> naming the shard
    /// and the cause when it failed in any way (whatever the grain threw) or took longer than <paramref name="timeout"/>.
    /// </summary>
    public static Task<T> AskAsync<T>(IGrainFactory grains, ShardCopy copy, Func<IShardGrain, Task<T>> call, TimeSpan timeout) =>
        GrainShard.BoundedAsync(call(grains.GetGrain<IShardGrain>(copy.Key)), timeout, copy.Shard).AsTask();

    /// <summary>
    /// A search opened there by its first call: on the copy a cursor walk read the shard at (<paramref name="at"/>), else
    /// on the next copy that has not failed lately (or, all having failed, the one that failed first).
    /// </summary>
    public ValueTask<IShard> OpenAsync(ShardPoint? at = null)
    {
        // A walk's later pages (and an export's) go back to the copy holding its point and take no turn: the turns are
        // the searches', so that each search, export or walk begins on the next copy.
        var copy = at is { Copy: var walked } && walked >= 0 && walked < failedAt.Length ? walked : NextCopy();
        var grain = grains.GetGrain<IShardGrain>(new ShardCopy(shard, copy).Key);
        var floor = ReadFloor.Current;
        return ValueTask.FromResult<IShard>(new GrainShard(
            grain, shard, copy, timeout, failure => Failed(copy, failure),
            Math.Max(Volatile.Read(ref seenVersion), floor?.Min ?? 0),
            version =>
            {
                Seen(version);
                floor?.AnsweredAt(version);
            },
            at?.Copy == copy ? at.PointInTime : 0));
    }

    /// <summary>The copy to ask next: in turn, passing over those that failed lately (unless all did) and the unassigned.</summary>
    internal int NextCopy()
    {
        var now = Environment.TickCount64;
        // Unsigned: the turn counter wraps after 2^31 searches.
        var start = (uint)Interlocked.Increment(ref next);
        var copies = Enumerable.Range(0, failedAt.Length).Select(i => (int)((start + (uint)i) % (uint)failedAt.Length)).Where(c => !Unassigned(c, now)).ToList();
        if (copies.Count == 0)
            return (int)(start % (uint)failedAt.Length);
        return copies.FirstOrDefault(c => !Resting(c, now), copies.MinBy(c => Volatile.Read(ref failedAt[c])));
    }

    /// <summary>Passes the copy over for a while, or until it is assigned when it was refused a node.</summary>
    internal void Failed(int copy, ShardUnavailableException failure)
    {
        var now = Environment.TickCount64;
        if (ShardCopyUnassignedException.Caused(failure))
            Volatile.Write(ref unassignedCheckedAt[copy], now);
        else
            Volatile.Write(ref failedAt[copy], now);
    }

    /// <summary>Whether the copy is known to be unassigned; once a check is due, the grain directory is asked (in the background) whether it is active now.</summary>
    private bool Unassigned(int copy, long now)
    {
        var checkedAt = Volatile.Read(ref unassignedCheckedAt[copy]);
        if (checkedAt == 0)
            return false;
        if (now - checkedAt >= (long)UnassignedCheck.TotalMilliseconds && Interlocked.CompareExchange(ref checking[copy], 1, 0) == 0)
            _ = CheckAssignedAsync(copy);
        return true;
    }

    private async Task CheckAssignedAsync(int copy)
    {
        try
        {
            // A directory look-up: it does not start the copy.
            var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IShardGrain>(new ShardCopy(shard, copy).Key));
            Volatile.Write(ref unassignedCheckedAt[copy], address is null ? Environment.TickCount64 : 0);
        }
        catch (Exception)
        {
            // Asked again at the next check; meanwhile the copy stays passed over.
            Volatile.Write(ref unassignedCheckedAt[copy], Environment.TickCount64);
        }
        finally
        {
            Volatile.Write(ref checking[copy], 0);
        }
    }

    private void Seen(long version) => ReadFloor.Raise(ref seenVersion, version);

    private bool Resting(int copy, long now) =>
        Volatile.Read(ref failedAt[copy]) is var failed and not 0 && now - failed < (long)RestAfterFailure.TotalMilliseconds;
}
