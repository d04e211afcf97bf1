using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads one article from a plain-text file: the first non-empty line is the title, an optional
/// "Byline 23 Nov 2021" line follows, paragraphs are separated by blank lines, an upper-case
/// "ISLAMABAD:" at the start of the body is the dateline, and a closing "Copyright X, 2021" line names the source.
/// </summary>
public static partial class TxtArticleReader
{
    private static readonly string[] DateFormats =
        ["d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "yyyy-MM-dd"];

    /// <summary>Parses the article text; returns null with a reason when it holds no article.</summary>
    public static Article? Parse(string id, string text, out string? problem)
    {
        var blocks = ParagraphSplitter.Split(FirstLineAsOwnBlock(text)).ToList();
        if (blocks.Count == 0)
        {
            problem = "empty file";
            return null;
        }

        var title = blocks[0];
        blocks.RemoveAt(0);

        string? byline = null;
        DateTimeOffset? date = null;
        if (blocks.Count > 0 && TryParseBylineAndDate(blocks[0], out byline, out date))
            blocks.RemoveAt(0);

        string? source = null;
        if (blocks.Count > 0 && CopyrightLine().Match(blocks[^1]) is { Success: true } copyright)
        {
            source = copyright.Groups["source"].Value.Trim();
            blocks.RemoveAt(blocks.Count - 1);
        }

        string? dateline = null;
        if (blocks.Count > 0 && DatelinePrefix().Match(blocks[0]) is { Success: true } datelineMatch)
        {
            dateline = datelineMatch.Groups["dateline"].Value.Trim();
            blocks[0] = blocks[0][datelineMatch.Length..];
        }

        if (blocks.Count == 0)
        {
            problem = "no body paragraphs after the title";
            return null;
        }

        problem = null;
        return new Article(id, title, blocks, date, byline, dateline, source);
    }

    /// <summary>"Recorder Report 23 Nov 2021" → byline "Recorder Report", date 2021-11-23; a bare date line also counts.</summary>
    public static bool TryParseBylineAndDate(string line, out string? byline, out DateTimeOffset? date)
    {
        byline = null;
        date = null;
        var match = BylineAndDate().Match(line);
        if (!match.Success)
            return false;
        if (!DateTime.TryParseExact(match.Groups["date"].Value, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return false;
        date = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified), TimeSpan.Zero);
        var name = match.Groups["byline"].Value.Trim().TrimEnd(',', '-', '|', '·').Trim();
        byline = name.Length > 0 ? name : null;
        return true;
    }

    // The title is one line even when the byline follows without a blank line between them.
    private static string FirstLineAsOwnBlock(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOf('\n');
        return end < 0 ? trimmed : trimmed[..end] + "\n\n" + trimmed[(end + 1)..];
    }

    [GeneratedRegex(@"^(?<byline>.{0,80}?)\s*(?<date>\d{1,2} [A-Za-z]{3,9} \d{4}|[A-Za-z]{3,9} \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex BylineAndDate();

    [GeneratedRegex(@"^(?:Copyright|©|\(c\))\s*(?:©\s*)?(?<source>.+?)(?:,?\s*\d{4})?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CopyrightLine();

    // Upper-case place name before a colon at the very start of the body: "ISLAMABAD:", "NEW YORK:".
    [GeneratedRegex(@"^(?<dateline>\p{Lu}[\p{Lu}\p{M} .'\-]{1,40}?)\s*:\s+")]
    private static partial Regex DatelinePrefix();
}
