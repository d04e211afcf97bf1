namespace SearchService.Tests.Facets;

/// <summary>Where the Reuters-21578 file, its scorer and python3 are, or null for what is missing.</summary>
internal static class ReutersCorpus
{
    public static string? Shared { get; } = FindShared();

    public static string? File => Existing(Shared, "corpora", "reuters21578", "reuters-dev.jsonl");

    public static string? Scorer => Existing(Shared, "tools", "score_facets.py");

    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "python3"))
        .FirstOrDefault(System.IO.File.Exists);

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string? Existing(string? root, params string[] parts) =>
        root is not null && System.IO.File.Exists(Path.Combine([root, .. parts])) ? Path.Combine([root, .. parts]) : null;
}
