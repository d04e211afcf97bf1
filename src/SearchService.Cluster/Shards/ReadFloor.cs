namespace SearchService.Cluster.Shards;

/// <summary>
/// One request's versions of the article log, held for the searches it makes through <see cref="GrainShardSource"/>
/// (which the gatherer calls in the request's flow): the least version its shards must answer at, a client's token from
/// another node, and the highest they answered at, the token to hand back.
/// </summary>
/// <param name="min">The least version each copy must have applied before the search opens; 0: none beyond the node's own.</param>
public sealed class ReadFloor(long min)
{
    private static readonly AsyncLocal<ReadFloor?> Flow = new();
    private long answered;

    /// <summary>The floor of the request running in this flow; null outside one.</summary>
    public static ReadFloor? Current
    {
        get => Flow.Value;
        set => Flow.Value = value;
    }

    public long Min { get; } = min;

    /// <summary>The highest version a copy answered this request's searches at.</summary>
    public long Answered => Volatile.Read(ref answered);

    internal void AnsweredAt(long version) => Raise(ref answered, version);

    /// <summary>Sets <paramref name="highest"/> to <paramref name="version"/> if that is higher, whoever else raises it meanwhile.</summary>
    internal static void Raise(ref long highest, long version)
    {
        for (var seen = Volatile.Read(ref highest); version > seen; seen = Volatile.Read(ref highest))
        {
            if (Interlocked.CompareExchange(ref highest, version, seen) == seen)
                return;
        }
    }
}
