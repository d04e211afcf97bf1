namespace SearchService.Core.Corpus;

/// <summary>A file in the corpus folder, with the stamp that tells whether it changed since it was indexed.</summary>
public sealed record CorpusFile(string RelativePath, string FullPath, long Length, DateTime LastWriteUtc)
{
    public string Stamp => $"{Length}:{LastWriteUtc.Ticks}";

    public static CorpusFile FromPath(string root, string fullPath)
    {
        var info = new FileInfo(fullPath);
        var relative = Path.GetRelativePath(root, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
        // A symbolic link (e.g. to a shared corpus) is stamped by what it points to, not by the link itself.
        var content = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        return new CorpusFile(relative, info.FullName, content.Exists ? content.Length : 0, content.LastWriteTimeUtc);
    }
}
