namespace SearchService.Tests.TestSupport;

/// <summary>Finds <c>../shared</c> beside the repository (the seed article, the Reuters corpus) from the test binaries.</summary>
public static class SharedFiles
{
    public static string Root { get; } = FindShared();

    public static string SeedArticle => Path.Combine(Root, "seed", "pakistan-russia-counterterrorism-2021-11-23.txt");

    public static string SeedFileName => Path.GetFileName(SeedArticle);

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seed")))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/seed folder above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository.");
    }
}
