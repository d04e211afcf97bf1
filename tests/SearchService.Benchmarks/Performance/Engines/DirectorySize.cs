using Lucene.Net.Index;
using Lucene.Net.Store;

namespace SearchService.Benchmarks.Performance.Engines;

public static class DirectorySize
{
    /// <summary>
    /// Bytes on disk: for a Lucene index, the files of its last commit (not segments a merge still holds open or
    /// has yet to delete, which depend on timing); for anything else, every file in the folder.
    /// </summary>
    public static long Of(string path)
    {
        if (!System.IO.Directory.Exists(path))
            return 0;
        using var directory = FSDirectory.Open(path);
        if (!DirectoryReader.IndexExists(directory))
            return System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var commit = new SegmentInfos();
        commit.Read(directory);
        return commit.GetFiles(directory, includeSegmentsFile: true).Sum(f => new FileInfo(Path.Combine(path, f)).Length);
    }
}
