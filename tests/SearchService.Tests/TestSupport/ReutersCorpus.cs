namespace SearchService.Tests.TestSupport;

/// <summary>
/// The Reuters corpus and its facet scorer in ../shared (research-only licence: read them in place or copy the text to
/// temp folders, never into the repo), and python3 to run the scorer; null for what is missing.
/// </summary>
public static class ReutersCorpus
{
    public static string? Path { get; } = Existing("corpora", "reuters21578", "reuters-dev.jsonl");

    public static string? Scorer { get; } = Existing("tools", "score_facets.py");

    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "python3"))
        .FirstOrDefault(File.Exists);

    /// <summary>Copies the first <paramref name="articles"/> lines of the corpus (all when null) to <paramref name="target"/>.</summary>
    public static void CopyStart(string target, int? articles) =>
        File.WriteAllLines(target, articles is { } count ? File.ReadLines(Path!).Take(count) : File.ReadLines(Path!));

    private static string? Existing(params string[] parts) =>
        SharedFiles.Root is { } shared && System.IO.Path.Combine([shared, .. parts]) is var path && File.Exists(path) ? path : null;
}
