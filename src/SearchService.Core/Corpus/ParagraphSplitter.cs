using System.Text.RegularExpressions;

namespace SearchService.Core.Corpus;

/// <summary>Splits plain text into paragraphs on blank lines, folding the line breaks and runs of white space inside each.</summary>
public static partial class ParagraphSplitter
{
    public static IReadOnlyList<string> Split(string text) =>
        BlankLine().Split(text.Replace("\r\n", "\n").Replace('\r', '\n'))
            .Select(Normalize)
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>Folds all white space (including line breaks) to single spaces and trims.</summary>
    public static string Normalize(string paragraph) =>
        IsNormal(paragraph) ? paragraph : Whitespace().Replace(paragraph, " ").Trim();

    // Most paragraphs (every one of a .jsonl corpus written by a tool) are folded already: no copy, no regex.
    private static bool IsNormal(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            return false;
        for (var i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
                return false;
        return true;
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
