namespace SearchService.Core.Indexing;

/// <summary>The bytes an index folder takes on disk, counted while the index may be merging.</summary>
public static class FolderBytes
{
    public static long Of(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file =>
        {
            try
            {
                return file.Length;
            }
            catch (FileNotFoundException)
            {
                return 0; // merged away while we counted
            }
        });
}
