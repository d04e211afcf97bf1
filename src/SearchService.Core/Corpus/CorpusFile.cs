namespace SearchService.Core.Corpus;

/// <summary>A file in the corpus folder, with the stamp that tells whether it changed since it was indexed.</summary>
public sealed record CorpusFile(string RelativePath, string FullPath, long Length, DateTime LastWriteUtc)
{
    public string Stamp => $"{Length}:{LastWriteUtc.Ticks}";

    public static CorpusFile FromPath(string root, string fullPath)
    {
        var info = new FileInfo(fullPath);
        var relative = Path.GetRelativePath(root, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
        return new CorpusFile(relative, info.FullName, info.Length, info.LastWriteTimeUtc);
    }
}
