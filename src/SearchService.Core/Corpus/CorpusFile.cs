namespace SearchService.Core.Corpus;

/// <summary>A file in the corpus folder, with the stamp that tells whether it changed since it was indexed.</summary>
/// <param name="Refusal">Why the file is not read though it is in the corpus folder (a symbolic link); null when it is read.</param>
public sealed record CorpusFile(string RelativePath, string FullPath, long Length, DateTime LastWriteUtc, string? Refusal = null)
{
    public string Stamp => $"{Length}:{LastWriteUtc.Ticks}";

    /// <summary>
    /// The file (or folder) at <paramref name="fullPath"/>. A symbolic link is refused, not followed (see
    /// <see cref="CorpusLink"/>), and stamped as empty: never by what it points to, which may be anything on the server.
    /// </summary>
    public static CorpusFile FromPath(string root, string fullPath)
    {
        var info = new FileInfo(fullPath);
        var relative = Path.GetRelativePath(root, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
        if (CorpusLink.Refusal(root, info) is { } refusal)
            return new CorpusFile(relative, info.FullName, 0, DateTime.MinValue, refusal);
        return new CorpusFile(relative, info.FullName, info.Exists ? info.Length : 0, info.LastWriteTimeUtc);
    }
}
