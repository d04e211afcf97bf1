namespace SearchService.Core.Indexing;

/// <summary>A snapshot of a pass over the corpus, for logs and the console progress bar.</summary>
public sealed record IndexingProgress(
    int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, long Articles, long Paragraphs, TimeSpan Elapsed)
{
    public double Fraction => BytesTotal > 0 ? Math.Min(1.0, (double)BytesDone / BytesTotal) : 1.0;

    public double ParagraphsPerSecond => Elapsed.TotalSeconds > 0 ? Paragraphs / Elapsed.TotalSeconds : 0;
}
