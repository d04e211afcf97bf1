namespace SearchService.Core.Indexing;

/// <summary>
/// Writes a whole file so that a crash leaves the old one or the new one, never a part: written to a temporary file
/// beside it, flushed to disk, renamed over it, and the rename flushed, each step through <see cref="IFileDurability"/>.
/// </summary>
internal static class FileReplacement
{
    /// <summary>The suffix of the temporary file; one a crash left behind is never read as the file.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes.</summary>
    public static void Replace(string path, Action<FileStream> write, IFileDurability durability, int bufferSize = 4096)
    {
        var temporary = path + TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize))
        {
            write(stream);
            durability.FlushFile(stream);
        }
        durability.Rename(temporary, path);
        durability.FlushFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
