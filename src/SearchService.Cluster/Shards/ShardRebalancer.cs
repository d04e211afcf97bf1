using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Spreads the shard copies evenly over the active silos when membership changes (a silo joins, or one leaves), and
/// looks again every <see cref="ShardGrainOptions.RebalanceCheck"/> (copies doubled on a silo meanwhile): one
/// silo decides, the active silo with the lowest address, so that two silos never move copies at once; the others do
/// nothing. It moves one copy at a time (<see cref="NextMove{T}"/>) from the silo holding the most to the one holding
/// the fewest, never onto a silo holding another copy of the shard; first, it builds and starts each unassigned copy
/// (<see cref="NextAssignment{T}"/>) on a silo holding no copy of its shard. The copy is built on its new silo first, beside the
/// copy answering on its old one (<see cref="MoveAsync"/>); the next move starts only once the moved copy answers on its
/// new silo: a shard keeps its other copies answering throughout, and the moving one until the switch. A move that does not happen in time is tried again a few seconds later.
/// </summary>
internal sealed class ShardRebalancer(
    IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains, IOptions<ShardGrainOptions> options,
    ILogger<ShardRebalancer> logger)
    : BackgroundService
{
    /// <summary>How long a copy asked to move may take to leave its silo (it migrates once no call is running on it).</summary>
    private static readonly TimeSpan LeavePatience = TimeSpan.FromSeconds(30);

    /// <summary>How long a copy may take to be built on its new silo, and to catch up there, before the move is given up.</summary>
    private static readonly TimeSpan CatchUpPatience = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // One pending round at most: changes while a round runs are seen by the round after it.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var watching = WatchAsync(changed.Writer, stop);
        var ticking = TickAsync(changed.Writer, stop);
        try
        {
            while (await changed.Reader.WaitToReadAsync(stop))
            {
                changed.Reader.TryRead(out _);
                if (await BalanceAsync(stop))
                    continue;
                await Task.Delay(RetryAfter, stop);
                changed.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await watching;
        await ticking;
    }

    private async Task TickAsync(ChannelWriter<bool> changed, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.RebalanceCheck);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                changed.TryWrite(true);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(ChannelWriter<bool> changed, CancellationToken stop)
    {
        try
        {
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(stop))
                changed.TryWrite(true);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Moves copies until they are even; true when they are (or another silo decides), false when a move failed.</summary>
    private async Task<bool> BalanceAsync(CancellationToken stop)
    {
        var copies = ShardCopy.All(options.Value.Shards, options.Value.Replicas).ToList();
        // Bounded: each move is decided afresh, and searches may activate a copy elsewhere meanwhile.
        for (var moves = 0; moves < copies.Count; moves++)
        {
            var silos = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).Order().ToList();
            if (silos.Count == 0 || !silos[0].Equals(local.SiloAddress))
                return true;
            try
            {
                var placed = await PlacedAsync(copies, silos);
                if (NextAssignment(placed, copies, silos) is { } assignment)
                {
                    if (!await MoveAsync(assignment.Copy, null, assignment.To, stop))
                        return false;
                    continue;
                }
                if (NextMove(placed, silos, options.Value.Replicas) is not { } move)
                    return true;
                if (!await MoveAsync(move.Copy, move.From, move.To, stop))
                    return false;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                logger.LogWarning(e, "Spreading the shard copies failed; trying again in {Delay}", RetryAfter);
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The silo of every active copy, as each silo's catalog has it: the grain directory's cache on this silo may still
    /// name the silo a copy left, when another silo held it.
    /// </summary>
    private async Task<Dictionary<ShardCopy, SiloAddress>> PlacedAsync(List<ShardCopy> copies, List<SiloAddress> silos)
    {
        var ids = copies.ToDictionary(copy => grains.GetGrain<IShardGrain>(copy.Key).GetGrainId());
        var placed = new Dictionary<ShardCopy, SiloAddress>();
        foreach (var activation in await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [.. silos]))
        {
            if (ids.TryGetValue(activation.GrainId, out var copy))
                placed[copy] = activation.SiloAddress;
        }
        return placed;
    }

    /// <summary>
    /// Builds the copy's index on <paramref name="to"/> first, up to the log's end, while the copy answers where it is
    /// (<see cref="IShardCopyBuildGrain"/>); then asks the copy to move, and asks its status until a silo other than
    /// <paramref name="from"/> answers: the new activation opens what was built and answers once it has read the log's
    /// changes since, so the shard has a copy fewer only for the switch and those changes. An unassigned copy
    /// (<paramref name="from"/> null) is started on <paramref name="to"/> once built. False when the copy will not
    /// move now (it is being rebuilt). A build the copy does not open (the move failed, or went elsewhere) is deleted.
    /// </summary>
    private async Task<bool> MoveAsync(ShardCopy copy, SiloAddress? from, SiloAddress to, CancellationToken stop)
    {
        var build = grains.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(to, copy).Key);
        var landed = false;
        try
        {
            var clock = Stopwatch.StartNew();
            await build.StartAsync();
            long? built;
            while ((built = await build.BuiltAsync()) is null)
            {
                if (clock.Elapsed > CatchUpPatience)
                    throw new TimeoutException($"{copy} was not built on {to} within {CatchUpPatience}");
                await Task.Delay(50, stop);
            }
            logger.LogInformation("{Copy} built on {To} up to version {Version} in {Elapsed}", copy, to, built, clock.Elapsed);
            var at = from is null ? await StartAsync(copy, to) : await SwitchAsync(copy, from, to, stop);
            landed = to.ToString() == at;
            return at is not null;
        }
        finally
        {
            if (!landed)
                await DiscardAsync(build, copy, to);
        }
    }

    private async Task DiscardAsync(IShardCopyBuildGrain build, ShardCopy copy, SiloAddress to)
    {
        try
        {
            await build.DiscardAsync();
        }
        catch (Exception e)
        {
            // The silo gone: its folder goes with it, or with the next build there.
            logger.LogWarning(e, "The build of {Copy} on {To} could not be discarded", copy, to);
        }
    }

    /// <summary>
    /// Starts an unassigned copy on <paramref name="to"/> (the placement hint its first call carries to
    /// <see cref="ShardCopyPlacementDirector"/>), where it opens what was built; returns the silo it answers on, another
    /// when something started it elsewhere meanwhile.
    /// </summary>
    private async Task<string> StartAsync(ShardCopy copy, SiloAddress to)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, to);
        try
        {
            var status = await grains.GetGrain<IShardGrain>(copy.Key).StatusAsync();
            logger.LogInformation("{Copy} was unassigned and answers on {Silo} now, at version {Version}", copy, status.Silo, status.AppliedVersion);
            return status.Silo;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>
    /// Asks the copy to move, then asks its status until a silo other than <paramref name="from"/> answers; returns that
    /// silo, or null when the copy will not move now (it is being rebuilt, or is on <paramref name="to"/> already).
    /// </summary>
    private async Task<string?> SwitchAsync(ShardCopy copy, SiloAddress from, SiloAddress to, CancellationToken stop)
    {
        var grain = grains.GetGrain<IShardGrain>(copy.Key);
        if (!await grain.MoveToAsync(to))
        {
            logger.LogInformation("{Copy} stays on {From} for now: it is being rebuilt, or is on {To} already", copy, from, to);
            return null;
        }
        logger.LogInformation("Moving {Copy} from {From} to {To}", copy, from, to);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ShardStatus status;
            try
            {
                status = await grain.StatusAsync();
            }
            catch (TimeoutException) when (clock.Elapsed < CatchUpPatience)
            {
                continue;
            }
            if (status.Silo != from.ToString())
            {
                logger.LogInformation("{Copy} answers on {Silo}, opened at version {Opened} and at {Version} now, {Elapsed} after it was asked to move",
                    copy, status.Silo, status.OpenedAtVersion, status.AppliedVersion, clock.Elapsed);
                return status.Silo;
            }
            if (clock.Elapsed > LeavePatience)
                throw new TimeoutException($"{copy} did not leave {from} within {LeavePatience}");
            await Task.Delay(50, stop);
        }
    }

    /// <summary>
    /// The next move towards copies spread evenly over <paramref name="silos"/> (no silo holding more than one copy more
    /// than another, and none two copies of a shard while a silo holds none of it), or null when they are: a copy from
    /// the first of the silos holding the most, to the first of those holding the fewest, of a shard that silo holds no
    /// copy of, a shard the first silo holds two copies of first (fewer silos than copies before); once the counts are
    /// even, a copy of a shard doubled on a silo (<see cref="SplitMove{T}"/>). Copies on silos not in <paramref name="silos"/> are not counted. Only a shard
    /// whose every copy is active moves (unless it has one copy): a copy answers nothing while it moves, and a shard whose
    /// other copy is not active yet (its silo just died) would answer nothing at all.
    /// </summary>
    internal static (ShardCopy Copy, T From, T To)? NextMove<T>(IReadOnlyDictionary<ShardCopy, T> placed, IReadOnlyList<T> silos, int replicas) where T : notnull
    {
        var active = placed.Where(p => silos.Contains(p.Value)).GroupBy(p => p.Key.Shard).ToDictionary(g => g.Key, g => g.Count());
        var held = silos.ToDictionary(silo => silo, silo => placed.Where(p => p.Value.Equals(silo)).Select(p => p.Key).OrderBy(c => c.Shard).ThenBy(c => c.Copy).ToList());
        var from = silos.MaxBy(silo => held[silo].Count)!;
        var to = silos.MinBy(silo => held[silo].Count)!;
        if (held[from].Count - held[to].Count <= 1)
            return SplitMove(held, silos, active, replicas);
        var shardsThere = held[to].Select(c => c.Shard).ToHashSet();
        var doubled = held[from].GroupBy(c => c.Shard).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var candidates = held[from]
            .Where(c => !shardsThere.Contains(c.Shard) && (replicas == 1 || active[c.Shard] >= replicas))
            .OrderByDescending(c => doubled.Contains(c.Shard))
            .ToList();
        return candidates.Count == 0 ? null : (candidates[0], from, to);
    }

    /// <summary>
    /// The next unassigned copy to build and start, or null when there is none that can be: a copy no silo of
    /// <paramref name="silos"/> holds, of a shard one of them holds another copy of (a shard none holds is started
    /// where its first search asks, as at the cluster's start), to the silo holding the fewest copies of those holding
    /// none of its shard (<see cref="ShardCopyUnassignedException"/>: with fewer silos than copies, none may).
    /// </summary>
    internal static (ShardCopy Copy, T To)? NextAssignment<T>(IReadOnlyDictionary<ShardCopy, T> placed, IReadOnlyList<ShardCopy> copies, IReadOnlyList<T> silos)
        where T : notnull
    {
        var held = placed.Where(p => silos.Contains(p.Value)).ToDictionary();
        foreach (var copy in copies.Where(copy => !held.ContainsKey(copy)))
        {
            var holders = held.Where(p => p.Key.Shard == copy.Shard).Select(p => p.Value).ToHashSet();
            if (holders.Count == 0)
                continue;
            if (silos.Where(silo => !holders.Contains(silo)).OrderBy(silo => held.Values.Count(v => v.Equals(silo))).FirstOrDefault() is { } to)
                return (copy, to);
        }
        return null;
    }

    /// <summary>
    /// With the counts even, a copy of a shard another copy of which is on the same silo (placed there from a stale
    /// grain directory, <see cref="ShardCopyPlacementDirector"/>), to the silo holding the fewest copies of those holding
    /// none of that shard; null when there is none such (fewer silos than copies) or no shard is doubled.
    /// </summary>
    private static (ShardCopy Copy, T From, T To)? SplitMove<T>(Dictionary<T, List<ShardCopy>> held, IReadOnlyList<T> silos, Dictionary<int, int> active, int replicas)
        where T : notnull
    {
        foreach (var from in silos.OrderByDescending(silo => held[silo].Count))
        {
            foreach (var doubled in held[from].GroupBy(c => c.Shard).Where(g => g.Count() > 1 && active[g.Key] >= replicas))
            {
                var to = silos.Where(silo => held[silo].All(c => c.Shard != doubled.Key)).OrderBy(silo => held[silo].Count).ToList();
                if (to.Count > 0)
                    return (doubled.Last(), from, to[0]);
            }
        }
        return null;
    }
}
