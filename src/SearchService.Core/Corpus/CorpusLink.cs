namespace SearchService.Core.Corpus;

/// <summary>
/// Symbolic links in the corpus folder, which are never followed. The corpus folder is the trust boundary: a link to
/// outside it (directly, through a chain of links, or as a linked folder) would index whatever it points to, and a
/// link to inside it would index a file a second time (a .txt under a second id). What a link to inside points to is
/// indexed once, under its own path. Not following links also means a link loop cannot hold a pass up.
/// </summary>
public static class CorpusLink
{
    /// <summary>Why <paramref name="entry"/> is not read, for the log and <c>/health</c>; null when it is no symbolic link.
    /// The target is not named: <c>/health</c> shows the reason, and it may be a path of the server outside the corpus.</summary>
    public static string? Refusal(string root, FileSystemInfo entry)
    {
        if (entry.LinkTarget is null)
            return null;
        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return "is a symbolic link that does not resolve (a loop of links); not followed";
        }
        if (target is null || !Path.Exists(target.FullName)) // the target is described as a file even when it is a folder
            return "is a symbolic link to nothing; not followed";
        return IsInside(root, target.FullName)
            ? "is a symbolic link within the corpus folder; not followed (what it points to is indexed under its own path)"
            : "is a symbolic link to outside the corpus folder; not followed";
    }

    /// <summary>Whether <paramref name="path"/> is the root or under it, or under what the root links to when it is a link itself.</summary>
    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var linkedRoot = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return IsUnder(root, full) || (linkedRoot is not null && IsUnder(linkedRoot, full));
    }

    private static bool IsUnder(string folder, string path)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Path.TrimEndingDirectorySeparator(path) == top || path.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
