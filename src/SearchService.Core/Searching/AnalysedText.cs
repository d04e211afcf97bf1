namespace SearchService.Core.Searching;

/// <summary>
/// A text with the tokens the analyzer makes of it (<see cref="SnippetHighlighter.Analyse"/>), so that snippets of it
/// for many queries cost one analysis: the percolator highlights a paragraph for every alert it matches.
/// </summary>
public sealed class AnalysedText(string text, string[] terms, int[] starts, int[] ends, int[] positions)
{
    public string Text { get; } = text;

    internal string[] Terms { get; } = terms;

    internal int[] Starts { get; } = starts;

    internal int[] Ends { get; } = ends;

    internal int[] Positions { get; } = positions;
}
