using System.Collections.Concurrent;

namespace SearchService.Core.Indexing;

/// <summary>
/// The corpus files an index holds, relative path → stamp of the version indexed; recorded by each commit, so a restart
/// skips unchanged files. Thread-safe.
/// </summary>
public sealed class CorpusFileStamps : ICommitContributor
{
    private const string KeyPrefix = "file:";

    private readonly ConcurrentDictionary<string, string> stamps = new(StringComparer.Ordinal);

    /// <summary>The files a commit's data records.</summary>
    public static CorpusFileStamps From(IReadOnlyDictionary<string, string> commitData)
    {
        var read = new CorpusFileStamps();
        foreach (var (key, stamp) in commitData)
            if (key.StartsWith(KeyPrefix, StringComparison.Ordinal))
                read.stamps[key[KeyPrefix.Length..]] = stamp;
        return read;
    }

    public IReadOnlyDictionary<string, string> Stamps => stamps;

    public void Record(string relativePath, string stamp) => stamps[relativePath] = stamp;

    public void Forget(string relativePath) => stamps.TryRemove(relativePath, out _);

    /// <summary>Holds the files of <paramref name="other"/> instead (the index switched to a rebuild).</summary>
    public void ReplaceWith(CorpusFileStamps other)
    {
        stamps.Clear();
        foreach (var (path, stamp) in other.stamps)
            stamps[path] = stamp;
    }

    public void Contribute(IDictionary<string, string> commitData)
    {
        foreach (var (path, stamp) in stamps)
            commitData[KeyPrefix + path] = stamp;
    }
}
