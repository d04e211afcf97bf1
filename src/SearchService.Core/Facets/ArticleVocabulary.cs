namespace SearchService.Core.Facets;

/// <summary>
/// What the whole article shows of its words, which a name in any one paragraph is read with: which capitalised words
/// are names, which end longer names, which it also writes in lower case.
/// </summary>
internal sealed class ArticleVocabulary
{
    private readonly IReadOnlyList<IReadOnlyList<Token>> paragraphs;
    private HashSet<string>? lowerCaseWords;

    /// <param name="paragraphs">The article's paragraphs, each as its tokens (<see cref="TextTokens.Tokenize"/>).</param>
    public ArticleVocabulary(IReadOnlyList<IReadOnlyList<Token>> paragraphs)
    {
        this.paragraphs = paragraphs;
        ReadCapitalisedWords();
    }

    /// <summary>Words capitalised somewhere other than a sentence start.</summary>
    public HashSet<string> ProperNouns { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that end longer names somewhere in the article.</summary>
    public HashSet<string> NameEnds { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the article writes this word in lower case somewhere ("together" for "Together"): an ordinary word.</summary>
    public bool IsWrittenInLowerCase(string word)
    {
        lowerCaseWords ??= paragraphs.SelectMany(p => p).Where(t => t.IsWord && !t.IsCapitalised).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return lowerCaseWords.Contains(word.ToLowerInvariant());
    }

    private void ReadCapitalisedWords()
    {
        foreach (var tokens in paragraphs)
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i] is not { IsWord: true, IsCapitalised: true } t)
                    continue;
                // "Analysts said" at a sentence start is no name.
                if (!ProperNouns.Contains(t.Text) && !TextTokens.IsSentenceStart(tokens, i))
                    ProperNouns.Add(t.Text);
                // After another capitalised word or an initial: "Baker" of "James Baker", "Reagan" of "President Reagan".
                if (i > 0 && (tokens[i - 1] is { IsWord: true, IsCapitalised: true } || (tokens[i - 1].Text == "." && i > 1 && tokens[i - 2].IsInitial)))
                    NameEnds.Add(t.Text);
            }
    }
}
