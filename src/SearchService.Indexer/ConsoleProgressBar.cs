using SearchService.Core.Indexing;

namespace SearchService.Indexer;

/// <summary>A one-line progress bar on standard error; plain lines every few seconds when it is redirected to a file.</summary>
public sealed class ConsoleProgressBar : IProgress<IndexingProgress>
{
    private const int Width = 30;
    private static readonly TimeSpan RedirectedEvery = TimeSpan.FromSeconds(5);
    private readonly bool interactive = !Console.IsErrorRedirected;
    private readonly Lock gate = new();
    private DateTime nextLine = DateTime.MinValue;

    public void Report(IndexingProgress value)
    {
        lock (gate)
        {
            if (interactive)
                Console.Error.Write("\r" + Render(value));
            else if (DateTime.UtcNow >= nextLine)
            {
                nextLine = DateTime.UtcNow + RedirectedEvery;
                Console.Error.WriteLine(Render(value));
            }
        }
    }

    public void Finish(IndexingProgress value)
    {
        lock (gate)
            Console.Error.WriteLine((interactive ? "\r" : "") + Render(value));
    }

    public static string Render(IndexingProgress value)
    {
        var filled = (int)Math.Round(value.Fraction * Width);
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {value.Fraction,4:P0} " +
               $"{value.FilesDone}/{value.FilesTotal} files, {value.Articles:N0} articles, {value.Paragraphs:N0} paragraphs, " +
               $"{value.ParagraphsPerSecond:N0} paragraphs/s";
    }
}
