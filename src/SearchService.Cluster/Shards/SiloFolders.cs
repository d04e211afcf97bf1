using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Indexing;

namespace SearchService.Cluster.Shards;

/// <summary>
/// The silos' folders of shard copies under <see cref="ShardGrainOptions.Root"/>, one per silo address
/// (<see cref="NameOf"/>: <c>{ip}_{port}</c>). A node restarted on another port gets a new folder; the folder of an
/// earlier silo on the same root is removed (<see cref="RemoveUnused"/>) once it is no longer in use: no silo at its
/// address is alive in the membership table (its rows all Dead, or none) and no process holds a copy in it (the OS lock
/// on <see cref="SearchIndex.ProcessLockFileName"/> every open index holds, released when its process ends). Looked at
/// on every membership change once this silo is active, so an earlier silo killed is removed once declared dead.
/// </summary>
public sealed class SiloFolders(
    IClusterMembershipService membership, ILocalSiloDetails local, IOptions<ShardGrainOptions> options, ILogger<SiloFolders> logger)
    : BackgroundService
{
    // A folder is renamed before it is deleted, so nothing opens it half-deleted; one whose deletion was cut off by its
    // node's end is deleted at the next look.
    private const string RemovedSuffix = ".removed";

    /// <summary>The name of <paramref name="silo"/>'s folder under the root.</summary>
    public static string NameOf(SiloAddress silo) => $"{silo.Endpoint.Address}_{silo.Endpoint.Port}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                // Before this silo is active the snapshot may not have read the table yet.
                if (snapshot.GetSiloStatus(local.SiloAddress) == SiloStatus.Active)
                    RemoveUnused(options.Value.Root, snapshot, logger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Removes the silo folders under <paramref name="root"/> no longer in use as of <paramref name="snapshot"/>; returns their paths.</summary>
    public static IReadOnlyList<string> RemoveUnused(string root, ClusterMembershipSnapshot snapshot, ILogger logger)
    {
        if (!Directory.Exists(root))
            return [];
        var alive = snapshot.Members.Values.Where(m => m.Status != SiloStatus.Dead).Select(m => NameOf(m.SiloAddress)).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(root).ToList())
        {
            var name = Path.GetFileName(folder);
            try
            {
                if (name.EndsWith(RemovedSuffix, StringComparison.Ordinal))
                {
                    Directory.Delete(folder, recursive: true);
                    continue;
                }
                if (!IsSiloFolderName(name) || alive.Contains(name))
                    continue;
                var moved = $"{folder}.{Guid.NewGuid():N}{RemovedSuffix}";
                // Renamed holding its copies' locks: a process starting a copy there meanwhile fails, then finds no folder.
                var locks = TakeLocks(folder);
                if (locks is null)
                    continue;
                try
                {
                    Directory.Move(folder, moved);
                }
                finally
                {
                    locks.ForEach(l => l.Dispose());
                }
                Directory.Delete(moved, recursive: true);
                removed.Add(folder);
                logger.LogInformation("{Folder}, the shard copies of a silo no longer in the cluster, is removed", folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("{Folder} could not be removed: {Reason}", folder, e.Message);
            }
        }
        return removed;
    }

    private static bool IsSiloFolderName(string name)
    {
        var split = name.LastIndexOf('_');
        return split > 0 && System.Net.IPAddress.TryParse(name[..split], out _)
            && ushort.TryParse(name[(split + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    // The locks of every index in the folder; null when a process holds one.
    private static List<FileStream>? TakeLocks(string folder)
    {
        var taken = new List<FileStream>();
        try
        {
            foreach (var lockFile in Directory.EnumerateFiles(folder, SearchIndex.ProcessLockFileName, SearchOption.AllDirectories))
                taken.Add(new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None));
            return taken;
        }
        catch (IOException)
        {
            taken.ForEach(l => l.Dispose());
            return null;
        }
    }
}
