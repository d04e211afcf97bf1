using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SearchService.Core.Facets;

/// <summary>
/// English stems of text for topic matching: the words of <see cref="TextTokens"/>, each run once through Lucene's
/// <see cref="EnglishAnalyzer"/> (lower case, stop words out, Porter stem; "counter-terrorism" gives two stems) and
/// remembered. Analysing every paragraph with Lucene's token stream was most of the topic classifier's time, while
/// news uses a few tens of thousands of distinct words. Thread-safe.
/// </summary>
public sealed class WordStems
{
    /// <summary>Past this many remembered words (a long-running indexer meeting ever new names), new ones are analysed each time.</summary>
    private const int MaxRemembered = 300_000;

    private readonly Analyzer analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly ConcurrentDictionary<string, string[]> remembered = new(); // ordinal, with the faster default string hash
    private int rememberedCount; // ConcurrentDictionary.Count takes every lock


    /// <summary>The stems of <paramref name="text"/> in order, stop words left out.</summary>
    public List<string> Of(string text) => Of(TextTokens.Tokenize(text));

    /// <summary>The stems of a text given as its tokens (<see cref="TextTokens.Tokenize"/>).</summary>
    public List<string> Of(IReadOnlyList<Token> tokens)
    {
        var stems = new List<string>(tokens.Count);
        AddTo(stems, tokens);
        return stems;
    }

    /// <summary>Adds the stems of a text given as its tokens to <paramref name="stems"/>, a list the caller reuses.</summary>
    public void AddTo(List<string> stems, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsWord || IsPossessiveS(tokens, i))
                continue;
            if (IsDigits(token.Text))
                stems.Add(token.Text);
            else
                foreach (var stem in OfWord(token.Text))
                    stems.Add(stem);
        }
    }

    private string[] OfWord(string word)
    {
        if (remembered.TryGetValue(word, out var stems))
            return stems;
        // "Bank" stems as "bank" does: a capitalised or upper-case form reuses the lower-case analysis.
        var lower = word.ToLowerInvariant();
        if (ReferenceEquals(lower, word) || !remembered.TryGetValue(lower, out stems))
            stems = Analyse(word);
        if (Volatile.Read(ref rememberedCount) < MaxRemembered && remembered.TryAdd(word, stems))
            Interlocked.Increment(ref rememberedCount);
        return stems;
    }

    private string[] Analyse(string word)
    {
        var stems = new List<string>(1);
        using var stream = analyzer.GetTokenStream("text", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            stems.Add(term.ToString());
        stream.End();
        return stems.ToArray();
    }

    // TextTokens splits "Pakistan's" into "Pakistan", "'", "s"; the analyser drops a possessive, so the "s" goes too.
    private static bool IsPossessiveS(IReadOnlyList<Token> tokens, int i) =>
        i >= 1 && tokens[i].Text is "s" or "S" && TextTokens.IsQuote(tokens[i - 1].Text) && tokens[i - 1].End == tokens[i].Start;

    private static bool IsDigits(string word)
    {
        foreach (var c in word)
            if (c is < '0' or > '9')
                return false;
        return true;
    }
}
