using Lucene.Net.Analysis.En;

namespace SearchService.Core.Indexing;

/// <summary>
/// Which words the search box may offer as completions: long enough, with a letter, not a stop word. Words and pairs
/// that could never be offered are not indexed in <see cref="IndexSchema.Words"/> and <see cref="IndexSchema.Phrases"/>
/// at all (most pairs hold a stop word or a number, and every distinct term costs at flush and merge).
/// </summary>
public static class SuggestionWords
{
    /// <summary>Shortest word offered on its own.</summary>
    public const int WordMinLength = 3;

    /// <summary>Shortest word offered as part of a two-word phrase ("oil price", "un envoy").</summary>
    public const int PairWordMinLength = 2;

    /// <summary>Whether the word in <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="length"/>) may be offered.</summary>
    public static bool IsOfferable(char[] buffer, int offset, int length, int minLength) =>
        length >= minLength && HasLetter(buffer.AsSpan(offset, length)) && !EnglishAnalyzer.DefaultStopSet.Contains(buffer, offset, length);

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
                return true;
        }
        return false;
    }
}
