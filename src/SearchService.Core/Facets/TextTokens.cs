using System.Buffers;
using System.Text.RegularExpressions;

namespace SearchService.Core.Facets;

/// <summary>One word or punctuation mark of a text, with its character span.</summary>
public readonly record struct Token(string Text, int Start)
{
    public int End => Start + Text.Length;

    public bool IsWord => char.IsLetterOrDigit(Text[0]);

    /// <summary>Starts with an upper-case letter: the only cue to a proper noun that plain text gives.</summary>
    public bool IsCapitalised => char.IsUpper(Text[0]);

    /// <summary>A single capital, as in the initial of "Oleg V Syromolotov" (the period, if any, is its own token).</summary>
    public bool IsInitial => Text.Length == 1 && char.IsUpper(Text[0]);
}

/// <summary>
/// Splits text into words and punctuation the way the gazetteer and the speaker rules need it: case kept,
/// dotted abbreviations ("U.S.") and hyphenated or apostrophised names ("Mazar-i-Sharif", "N'Djamena") whole,
/// possessive "'s" split off so "Pakistan's" still names Pakistan.
/// </summary>
public static partial class TextTokens
{
    /// <summary>
    /// The token grammar. <see cref="Tokenize"/> scans it by hand, about ten times faster, because every paragraph is
    /// tokenised on the indexing path; a test checks that both agree.
    /// </summary>
    [GeneratedRegex(@"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)*|\S")]
    public static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        // Found into a pooled buffer (a text has at most one token a character) and copied out at their exact number:
        // a list grown from a guess at it was a tenth of the extraction's allocation.
        var found = ArrayPool<Token>.Shared.Rent(text.Length);
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var end = DottedAbbreviationEnd(text, i);
            if (end < 0)
                end = char.IsLetter(text[i]) || char.IsNumber(text[i]) ? WordEnd(text, i) : i + 1;
            found[count++] = new Token(end == i + 1 && text[i] < OneCharacter.Length ? OneCharacter[text[i]] : text[i..end], i);
            i = end;
        }
        var tokens = new List<Token>(count);
        tokens.AddRange(found.AsSpan(0, count));
        found.AsSpan(0, count).Clear(); // the pool keeps no strings alive
        ArrayPool<Token>.Shared.Return(found);
        return tokens;
    }

    // The one-character ASCII tokens (punctuation, digits, initials), made once rather than once a token.
    private static readonly string[] OneCharacter = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    // "U.S.", "U.K.": two or more letter-period pairs; -1 when there are fewer.
    private static int DottedAbbreviationEnd(string text, int i)
    {
        var j = i;
        while (j + 1 < text.Length && char.IsLetter(text[j]) && text[j + 1] == '.')
            j += 2;
        return j - i >= 4 ? j : -1;
    }

    // Letters and digits, with "-part" and "'part" continuations, but not a possessive "'s".
    private static int WordEnd(string text, int i)
    {
        var j = AlphanumericEnd(text, i);
        while (j + 1 < text.Length)
        {
            var next = text[j + 1];
            if (text[j] == '-' && (char.IsLetter(next) || char.IsNumber(next)))
                j = AlphanumericEnd(text, j + 1);
            else if (text[j] is '\'' or '’' && char.IsLetter(next) && !IsPossessiveS(text, j + 1))
                j = LetterEnd(text, j + 1);
            else
                break;
        }
        return j;
    }

    private static bool IsPossessiveS(string text, int s) =>
        text[s] is 's' or 'S' && (s + 1 >= text.Length || !IsWordChar(text[s + 1]));

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.ConnectorPunctuation;

    private static int AlphanumericEnd(string text, int j)
    {
        while (j < text.Length && (char.IsLetter(text[j]) || char.IsNumber(text[j])))
            j++;
        return j;
    }

    private static int LetterEnd(string text, int j)
    {
        while (j < text.Length && char.IsLetter(text[j]))
            j++;
        return j;
    }

    /// <summary>True where a new sentence (or the text) starts at token <paramref name="index"/>, so a capital there proves nothing.</summary>
    public static bool IsSentenceStart(IReadOnlyList<Token> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var t = tokens[i].Text;
            if (IsQuote(t) || t == "(") continue;
            return t is "." or "!" or "?" or ":" or ";" && !IsDecimalPoint(tokens, i);
        }
        return true;
    }

    // "9.625 pct" is one number: the tokens split it, but its period ends no sentence.
    private static bool IsDecimalPoint(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Text == "." && i > 0 && i + 1 < tokens.Count
        && tokens[i - 1].End == tokens[i].Start && char.IsDigit(tokens[i - 1].Text[^1])
        && tokens[i + 1].Start == tokens[i].End && char.IsDigit(tokens[i + 1].Text[0]);

    public static bool IsQuote(string token) => token is "\"" or "“" or "”" or "'" or "‘" or "’";

    /// <summary>Mostly upper-case text (a wire headline), where capitals say nothing about proper nouns.</summary>
    public static bool IsShouting(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }
        return upper > 3 && lower * 4 < upper;
    }
}
