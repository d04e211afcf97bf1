namespace SearchService.Core.Corpus;

/// <summary>Something in the corpus that could not be read; the rest of the corpus still indexes.</summary>
/// <param name="File">Path of the file relative to the corpus folder.</param>
/// <param name="Line">1-based line number for line-oriented formats, when the problem is one line.</param>
/// <param name="Message">What is wrong, for the log.</param>
public sealed record CorpusProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
