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
    [GeneratedRegex(@"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)*|\S")]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Tokenize(string text) =>
        TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index)).ToArray();

    /// <summary>True where a new sentence (or the text) starts at token <paramref name="index"/>, so a capital there proves nothing.</summary>
    public static bool IsSentenceStart(IReadOnlyList<Token> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var t = tokens[i].Text;
            if (IsQuote(t) || t == "(") continue;
            return t is "." or "!" or "?" or ":" or ";";
        }
        return true;
    }

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
