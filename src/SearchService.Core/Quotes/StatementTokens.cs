using SearchService.Core.Facets;

namespace SearchService.Core.Quotes;

/// <summary>
/// Where sentences and quotations begin and end in a paragraph's tokens, and spans cut out of them: the token rules
/// <see cref="StatementExtractor"/> applies around each attribution.
/// </summary>
internal static class StatementTokens
{
    // Words after which a period ends no sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "No", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
        "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "vs", "U", "S",
    };

    // Without the commas and quotation marks at either end, nor a full stop at its end; null when nothing is left.
    internal static (int, int)? Trimmed(IReadOnlyList<Token> t, int first, int last)
    {
        while (first <= last && IsCommaOrQuote(t[first]))
            first++;
        while (last >= first && (IsCommaOrQuote(t[last]) || t[last].Text is ":" or ";" or "."))
            last--;
        return first <= last ? (first, last) : null;
    }

    internal static int Words(IReadOnlyList<Token> t, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Count(i => t[i].IsWord);

    internal static int Find(IReadOnlyList<Token> t, int from, int end, string text)
    {
        for (var i = from; i < end && i < t.Count; i++)
            if (t[i].Text == text)
                return i;
        return -1;
    }

    /// <summary>
    /// The most tokens read on either side of an attribution for its sentence or quotation. A news sentence is far
    /// shorter (the longest statement of the Reuters corpus is 499 characters); text that runs on without a full stop
    /// (a table, a list, a hostile paragraph of a million words) is read in windows of this length, so that the work
    /// and the statements of a paragraph grow with its length, not with its length times its attributions.
    /// </summary>
    internal const int LongestSentence = 250;

    // The first token of the sentence, or of the window before <paramref name="index"/> when none begins within it.
    internal static int SentenceStart(IReadOnlyList<Token> t, int index)
    {
        var window = Math.Max(0, index - LongestSentence);
        for (var i = index - 1; i >= window; i--)
            if (EndsSentenceAt(t, i))
                return i + 1;
        return window;
    }

    // The index of the sentence's closing mark, or the paragraph's end, or the window's end when neither comes within it.
    internal static int SentenceEnd(IReadOnlyList<Token> t, int from)
    {
        var window = Math.Min(t.Count, from + LongestSentence);
        for (var i = from; i < window; i++)
            if (EndsSentenceAt(t, i))
                return i;
        return window;
    }

    // A full stop ends a sentence when a capital, a quotation mark or the paragraph's end follows and it ends no
    // abbreviation or initial ("Mr.", "Oleg V."); "?", "!" and ";" always do.
    private static bool EndsSentenceAt(IReadOnlyList<Token> t, int i)
    {
        var text = t[i].Text;
        if (text is "?" or "!" or ";")
            return true;
        if (text != "." || i == 0 || InTicker(t, i))
            return false;
        // "… of Lehman Government Securities Inc. “Consumer spending …”": a quotation opening on a capital after a full
        // stop begins a new sentence, even after an abbreviation.
        if (i + 2 < t.Count && IsQuote(t[i + 1]) && t[i + 2].IsCapitalised)
            return true;
        if (t[i - 1].IsInitial || Abbreviations.Contains(t[i - 1].Text))
            return false;
        return i + 1 == t.Count || t[i + 1].IsCapitalised || IsQuote(t[i + 1]);
    }

    // ": …" or a quotation right after the verb, a comma allowed before it.
    internal static bool QuotationFollows(IReadOnlyList<Token> t, int from)
    {
        while (from < t.Count && t[from].Text == ",")
            from++;
        return from < t.Count && (t[from].Text == ":" || IsQuote(t[from]));
    }

    // "<SVIK.ST>": a stock ticker's period, a "<" shortly before and no ">" yet.
    private static bool InTicker(IReadOnlyList<Token> t, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            if (t[k].Text == ">")
                return false;
            if (t[k].Text == "<")
                return true;
        }
        return false;
    }

    // Double quotation marks only: a single one is as often an apostrophe.
    internal static bool IsQuote(Token token) => token.Text is "\"" or "“" or "”";

    internal static bool IsCommaOrQuote(Token token) => token.Text == "," || IsQuote(token);

    // A straight mark may open or close; where the rules look for an opening one, it opens.
    internal static bool IsOpening(Token token) => token.Text is "“" or "\"";
}
