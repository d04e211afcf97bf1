namespace SearchService.Tests.TestSupport;

/// <summary>
/// Files the tests read in place. The seed article comes from the repository's own <c>corpus/</c> folder (the same
/// file as <c>../shared/seed/</c>), so the tests that need only it run anywhere; the research corpora come from
/// <c>../shared</c> when it is beside the repository (<see cref="Root"/>), and their tests skip, saying so, when not.
/// </summary>
public static class SharedFiles
{
    /// <summary>The <c>shared</c> folder beside the repository, or null where there is none.</summary>
    public static string? Root { get; } = FindShared();

    public static string SeedFileName => "pakistan-russia-counterterrorism-2021-11-23.txt";

    /// <summary>The repository's root folder (where SearchService.sln is).</summary>
    public static string Repository { get; } = FindRepository();

    public static string SeedArticle { get; } = Path.Combine(Repository, "corpus", SeedFileName);

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seed")))
                return candidate;
        }
        return null;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No SearchService.sln above {AppContext.BaseDirectory}.");
    }
}
