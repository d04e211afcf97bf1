namespace SearchService.Benchmarks.Performance.Engines;

public static class DirectorySize
{
    public static long Of(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
