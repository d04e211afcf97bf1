namespace SearchService.Tests.TestSupport;

/// <summary>The Reuters corpus in ../shared (research-only licence: read it in place or copy it to temp folders, never into the repo).</summary>
public static class ReutersCorpus
{
    public static string? Path { get; } = Find();

    /// <summary>Writes the first <paramref name="articles"/> lines of the corpus (all when null) to <paramref name="target"/>.</summary>
    public static void CopyStart(string target, int? articles)
    {
        if (articles is null)
        {
            File.Copy(Path!, target); // not linked: the service skips links that lead out of its corpus folder
            return;
        }
        File.WriteAllLines(target, File.ReadLines(Path!).Take(articles.Value));
    }

    private static string? Find() =>
        SharedFiles.Root is { } shared && System.IO.Path.Combine(shared, "corpora", "reuters21578", "reuters-dev.jsonl") is var path
        && File.Exists(path)
            ? path
            : null;
}
