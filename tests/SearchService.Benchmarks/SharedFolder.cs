namespace SearchService.Benchmarks;

/// <summary>Finds files in <c>../shared</c> beside the repository: above the working directory, then above the binaries.</summary>
public static class SharedFolder
{
    public static string Reuters => TryFind(Path.Combine("corpora", "reuters21578", "reuters-dev.jsonl"))
        ?? throw new FileNotFoundException("shared/corpora/reuters21578/reuters-dev.jsonl not found; ../shared must be beside the repository.");

    /// <summary>The full path of <c>shared/<paramref name="relative"/></c> in the nearest folder above that has it, or null.</summary>
    public static string? TryFind(string relative) =>
        TryFindAbove(Directory.GetCurrentDirectory(), relative) ?? TryFindAbove(AppContext.BaseDirectory, relative);

    private static string? TryFindAbove(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
