namespace SearchService.Core.Indexing;

/// <summary>The file system's own <see cref="IFileDurability"/>: fsync of the file, rename, <see cref="FolderFlush"/>.</summary>
internal sealed class DiskFileDurability : IFileDurability
{
    public static readonly DiskFileDurability Instance = new();

    public void FlushFile(FileStream file) => file.Flush(flushToDisk: true);

    public void Rename(string from, string to) => File.Move(from, to, overwrite: true);

    public void FlushFolder(string folder) => FolderFlush.Flush(folder);
}
