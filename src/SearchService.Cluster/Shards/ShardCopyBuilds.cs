using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Cluster.Speakers;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// The folders of the shard copies on this silo, and builds of a copy's index here before the copy moves here
/// (<see cref="ShardRebalancer"/>), so that the copy, once moved, opens what was built and reads only the log's newer
/// changes. A build reads the log with a copy's own step (<see cref="ShardChanges"/>) into a folder beside the copy's
/// (its name ends in <see cref="BuildSuffix"/>, which no copy opens), commits, closes, and only then is renamed to the
/// copy's folder: a copy activating here finds no folder or a complete build, never a half-built one. The copy's
/// activation here and the rename exclude each other (<see cref="ActivateAsync"/>): a build the activation overtakes does not
/// replace the folder the copy has opened. A build that fails, is cancelled or overtaken deletes its folder; one cut
/// off by the silo's end is deleted by the next build on this silo. An activation of a copy holds its folder until it
/// has closed its index (<see cref="Release"/>), and a later activation of the copy here waits for that.
/// </summary>
public sealed class ShardCopyBuilds(
    IOptions<ShardGrainOptions> options, SiloArticleLog articleLog, ClusterSpeakerIdentities speakers, ILocalSiloDetails silo, ILoggerFactory loggers)
{
    private const string BuildSuffix = ".building";

    private readonly ILogger logger = loggers.CreateLogger<ShardCopyBuilds>();
    private readonly ShardRouter router = new(options.Value.Shards);
    private readonly Lock gate = new();
    // The folder each copy active here holds, until the activation holding it has closed its index.
    private readonly Dictionary<ShardCopy, ShardCopyFolder> active = [];
    private readonly Dictionary<ShardCopy, Build> building = [];

    /// <summary>The folder of this silo's copies: a folder per silo, since in-process test silos share one disk.</summary>
    private string SiloFolder => Path.Combine(options.Value.Root, SiloFolders.NameOf(silo.SiloAddress));

    private string FolderOf(ShardCopy copy) => Path.Combine(SiloFolder, $"shard-{copy.Shard}-copy-{copy.Copy}");

    /// <summary>
    /// <paramref name="copy"/> activates here: a build of it under way here is cancelled and will not replace its
    /// folder, and none starts until the folder is released (<see cref="Release"/>). Returns the folder the copy opens.
    /// An earlier activation of the copy here may still hold the folder: Orleans does not wait for an activation or a
    /// deactivation that outlives its timeout (<c>GrainCollectionOptions</c>), and starts the next while that one still
    /// closes its index. This one then waits until that index is closed, or until <paramref name="cancellation"/>
    /// (its own activation's timeout), rather than fail on the folder's lock.
    /// </summary>
    public async Task<ShardCopyFolder> ActivateAsync(ShardCopy copy, CancellationToken cancellation)
    {
        while (true)
        {
            ShardCopyFolder? earlier;
            lock (gate)
            {
                if (!active.TryGetValue(copy, out earlier))
                {
                    var folder = new ShardCopyFolder(copy, FolderOf(copy));
                    active.Add(copy, folder);
                    if (building.TryGetValue(copy, out var build))
                        build.Cancel.Cancel();
                    return folder;
                }
            }
            logger.LogWarning("{Copy} activates on {Silo} while an earlier activation of it there still holds its folder; it waits for that one to close it",
                copy, silo.SiloAddress);
            await earlier.Released.WaitAsync(cancellation);
        }
    }

    /// <summary>The activation holding <paramref name="folder"/> has closed its index (deactivated, or its activation failed).</summary>
    public void Release(ShardCopyFolder folder)
    {
        lock (gate)
        {
            if (active.TryGetValue(folder.Copy, out var holder) && holder == folder)
                active.Remove(folder.Copy);
        }
        folder.Release();
    }

    /// <summary>
    /// Builds <paramref name="copy"/>'s index here from the article log, up to its end, into the folder the copy would
    /// open here; returns the version the build holds every change up to (the copy catches up from there).
    /// </summary>
    public async Task<long> BuildAsync(ShardCopy copy, CancellationToken cancellation)
    {
        var folder = FolderOf(copy);
        var build = folder + BuildSuffix;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var progress = new Build(cancel, DateTimeOffset.UtcNow);
        lock (gate)
        {
            if (active.ContainsKey(copy))
                throw new InvalidOperationException($"{copy} is active on {silo.SiloAddress}: there is nothing to build there.");
            if (!building.TryAdd(copy, progress))
                throw new InvalidOperationException($"{copy} is being built on {silo.SiloAddress} already.");
            DeleteCutOffBuilds();
        }
        try
        {
            long version = 0;
            using (var index = new SearchIndex(build, loggers.CreateLogger<SearchIndex>()))
            {
                var log = await articleLog.GetAsync();
                bool full;
                do
                {
                    (version, _, full) = await ShardChanges.ApplyNextAsync(log, index, router, speakers, copy.Shard, version, cancel.Token);
                    Volatile.Write(ref progress.Version, version);
                }
                while (full);
                index.Commit();
            }
            lock (gate)
            {
                // Cancelled by the copy's activation here: the copy has opened (or created) its folder, which stays.
                cancel.Token.ThrowIfCancellationRequested();
                // A folder left by an earlier activation here is older than the build, and nothing has it open.
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                Directory.Move(build, folder);
            }
            logger.LogInformation("{Copy} built on {Silo} up to version {Version}", copy, silo.SiloAddress, version);
            return version;
        }
        finally
        {
            // Before the build is let go: a next build of the copy reuses the name.
            DeleteFolder(build);
            lock (gate)
                building.Remove(copy);
        }
    }

    /// <summary>
    /// Gives up a build of <paramref name="copy"/> here: cancels one under way, and deletes the folder a finished one
    /// left unless the copy is active here (the move went elsewhere, or failed).
    /// </summary>
    public void Discard(ShardCopy copy)
    {
        lock (gate)
        {
            if (building.TryGetValue(copy, out var build))
                build.Cancel.Cancel();
            if (!active.ContainsKey(copy))
                DeleteFolder(FolderOf(copy));
        }
    }

    /// <summary>How far a build of <paramref name="copy"/> under way here has read the log; null when none is under way.</summary>
    public ShardCopyBuildProgress? Progress(ShardCopy copy)
    {
        lock (gate)
        {
            return building.TryGetValue(copy, out var build)
                ? new ShardCopyBuildProgress(copy.Shard, copy.Copy, silo.SiloAddress.ToString(), Volatile.Read(ref build.Version), build.StartedAt)
                : null;
        }
    }

    /// <summary>Build folders of builds not under way: cut off by an earlier run of a silo at this address.</summary>
    private void DeleteCutOffBuilds()
    {
        if (!Directory.Exists(SiloFolder))
            return;
        var underWay = building.Keys.Select(copy => FolderOf(copy) + BuildSuffix).ToHashSet();
        foreach (var folder in Directory.EnumerateDirectories(SiloFolder, "*" + BuildSuffix).Where(f => !underWay.Contains(f)))
            DeleteFolder(folder);
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "{Folder} on {Silo} could not be deleted", folder, silo.SiloAddress);
        }
    }

    private sealed class Build(CancellationTokenSource cancel, DateTimeOffset startedAt)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public DateTimeOffset StartedAt { get; } = startedAt;

        /// <summary>The version up to which the build holds every change of the log.</summary>
        public long Version;
    }
}
