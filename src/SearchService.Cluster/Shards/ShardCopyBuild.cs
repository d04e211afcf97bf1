namespace SearchService.Cluster.Shards;

/// <summary>
/// A build of <paramref name="Copy"/>'s index on <paramref name="Silo"/> before the copy moves there: the key of the
/// grain (<see cref="IShardCopyBuildGrain"/>) that runs it there, carrying both.
/// </summary>
public readonly record struct ShardCopyBuild(SiloAddress Silo, ShardCopy Copy)
{
    public string Key => $"{Copy.Key}/{Silo.ToParsableString()}";

    public static ShardCopyBuild Of(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return new(SiloAddress.FromParsableString(key[(slash + 1)..]), ShardCopy.Of(long.Parse(key[..slash], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
