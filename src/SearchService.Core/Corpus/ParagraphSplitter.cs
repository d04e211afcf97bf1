using System.Text.RegularExpressions;

namespace SearchService.Core.Corpus;

/// <summary>
/// Splits plain text into paragraphs on blank lines, folding the line breaks and runs of white space inside each, and
/// cuts a paragraph longer than <see cref="LongestParagraph"/> into paragraphs no longer than that.
/// </summary>
public static partial class ParagraphSplitter
{
    /// <summary>
    /// The most characters a paragraph holds. A news paragraph is far shorter (the Reuters file's longest is 1,303); a
    /// block longer than this (a feed that does not mark paragraphs, a table, a hostile file) is cut, so that each hit,
    /// snippet and statement search reads a bounded text.
    /// </summary>
    public const int LongestParagraph = 10_000;

    public static IReadOnlyList<string> Split(string text) =>
        Bounded(BlankLine().Split(text.Replace("\r\n", "\n").Replace('\r', '\n')));

    /// <summary>The paragraphs folded (<see cref="Normalize"/>), the empty ones left out, the long ones cut (<see cref="Cut"/>).</summary>
    public static IReadOnlyList<string> Bounded(IEnumerable<string> paragraphs)
    {
        var bounded = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var folded = Normalize(paragraph);
            if (folded.Length <= LongestParagraph)
            {
                if (folded.Length > 0)
                    bounded.Add(folded);
            }
            else
                Cut(folded, bounded);
        }
        return bounded;
    }

    // Pieces of at most LongestParagraph characters, each ending at the last sentence end in its second half, else at
    // its last space, else at the limit (never between the halves of a surrogate pair).
    private static void Cut(string paragraph, List<string> pieces)
    {
        var start = 0;
        while (paragraph.Length - start > LongestParagraph)
        {
            var limit = start + LongestParagraph;
            var end = SentenceEndBefore(paragraph, start + LongestParagraph / 2, limit);
            if (end < 0)
            {
                var space = paragraph.LastIndexOf(' ', limit, LongestParagraph / 2);
                end = space >= 0 ? space : char.IsHighSurrogate(paragraph[limit - 1]) ? limit - 1 : limit;
            }
            pieces.Add(paragraph[start..end].TrimEnd());
            start = end;
            while (start < paragraph.Length && paragraph[start] == ' ')
                start++;
        }
        if (start < paragraph.Length)
            pieces.Add(paragraph[start..]);
    }

    // Just after the last ". ", "? " or "! " between from and limit (the space stays out of the piece), or -1.
    private static int SentenceEndBefore(string text, int from, int limit)
    {
        for (var i = limit - 1; i > from; i--)
        {
            if (text[i] == ' ' && text[i - 1] is '.' or '?' or '!')
                return i;
        }
        return -1;
    }

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
