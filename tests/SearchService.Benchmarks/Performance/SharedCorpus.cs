namespace SearchService.Benchmarks.Performance;

/// <summary>Finds ../shared beside the repository, walking up from the program's folder.</summary>
public static class SharedCorpus
{
    public static string Reuters => Find(Path.Combine("corpora", "reuters21578", "reuters-dev.jsonl"));

    public static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}; ../shared must be beside the repository.");
    }
}
