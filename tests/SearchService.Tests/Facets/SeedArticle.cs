using SearchService.Core.Corpus;

namespace SearchService.Tests.Facets;

/// <summary>
/// The seed article (../shared/seed beside the repository), built into an <see cref="Article"/> the way the corpus
/// reader does: title, byline line, blank-line paragraphs, the "ISLAMABAD: " dateline moved out of the first
/// paragraph, the closing copyright line dropped.
/// </summary>
internal static class SeedArticle
{
    public const string FileName = "pakistan-russia-counterterrorism-2021-11-23.txt";

    private static readonly Lazy<Article> Cached = new(Load);

    public static Article Article => Cached.Value;

    public static string Paragraph(int number) => Article.Paragraphs[number - 1];

    public static string FindSharedFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"No shared/{relativePath} above {AppContext.BaseDirectory}; the shared folder belongs beside the repository.");
    }

    private static Article Load()
    {
        var text = File.ReadAllText(FindSharedFile(Path.Combine("seed", FileName))).Replace("\r\n", "\n");
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = blocks[0];
        var paragraphs = blocks.Skip(2).Where(b => !b.StartsWith("Copyright ", StringComparison.Ordinal)).ToList();
        const string dateline = "ISLAMABAD";
        paragraphs[0] = paragraphs[0][(dateline.Length + 2)..]; // "ISLAMABAD: "
        return new Article(
            Id: FileName,
            Title: title,
            Paragraphs: paragraphs,
            Date: new DateTimeOffset(2021, 11, 23, 0, 0, 0, TimeSpan.Zero),
            Byline: "Recorder Report",
            Dateline: dateline,
            Source: "Business Recorder");
    }
}
