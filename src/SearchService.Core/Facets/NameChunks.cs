namespace SearchService.Core.Facets;

/// <summary>
/// Where the names of one paragraph are: its chunks, the maximal runs of capitalised words and initials, joined by
/// "of", "for", "the" and the like, that may be one name ("Ministry of Foreign Affairs of Pakistan Nabeel Munir",
/// "Goldman, Sachs and Co", "Moody's Investors Service Inc"). <see cref="ParagraphNames"/> reads whom each one names.
/// </summary>
internal sealed class NameChunks
{
    private IReadOnlyList<Token> Tokens { get; }
    private readonly SpeakerLexicon lexicon;
    private readonly bool[] inPlace;
    private readonly int[] chunkAt; // index into all, or -1
    private readonly List<(int Start, int End)> all = [];

    /// <param name="inPlace">Which tokens are in a place's name (<see cref="RegionExtractor.Mentions"/>).</param>
    public NameChunks(IReadOnlyList<Token> tokens, SpeakerLexicon lexicon, bool[] inPlace)
    {
        Tokens = tokens;
        this.lexicon = lexicon;
        this.inPlace = inPlace;
        chunkAt = new int[tokens.Count];
        Array.Fill(chunkAt, -1);
        FindChunks();
    }

    /// <summary>The chunks, in order.</summary>
    public IReadOnlyList<(int Start, int End)> All => all;

    /// <summary>The chunk holding token <paramref name="i"/>, if any.</summary>
    public (int Start, int End)? At(int i) => i < chunkAt.Length && chunkAt[i] >= 0 ? all[chunkAt[i]] : null;

    /// <summary>The chunk that begins at token <paramref name="i"/>, if any.</summary>
    public (int Start, int End)? StartingAt(int i) => At(i) is { } chunk && chunk.Start == i ? chunk : null;

    /// <summary>The chunk whose last token is <paramref name="i"/>, if any.</summary>
    public (int Start, int End)? EndingWith(int i) => At(i) is { } chunk && chunk.End == i + 1 ? chunk : null;

    private void FindChunks()
    {
        for (var i = 0; i < Tokens.Count;)
        {
            if (!IsChunkWord(i)) { i++; continue; }
            var end = i + 1;
            while (end < Tokens.Count)
            {
                if (IsChunkWord(end) || (Tokens[end].Text == "." && Tokens[end - 1].IsInitial) || IsParticleSurname(end))
                    end++;
                else if (IsJoiner(end) && (IsChunkWord(end + 1) || (IsJoiner(end + 1) && IsChunkWord(end + 2))))
                    end++;
                else if (IsPossessive(end) && OwnsPartOfTheName(i, end) && BodyNameFollows(end + 2))
                    end += 2;
                else if (Tokens[end].Text == "and" && JoinsOneName(i, end))
                    end++;
                else if (IsSlashInName(end))
                    end += 2;
                else if (Tokens[end].Text == "," && PartnershipAndAfter(i, end) is { } and)
                    end = and;
                else
                    break;
            }
            all.Add((i, end));
            for (var k = i; k < end; k++)
                chunkAt[k] = all.Count - 1;
            i = end;
        }
    }

    // "Ali al-Khalifa", "Zeid al-Rifa'i", "Hafez al-Assad": a particle written against the surname it begins goes on
    // the name before it (was "Ali", "Zeid").
    private bool IsParticleSurname(int i)
    {
        var word = Tokens[i].Text;
        var hyphen = word.IndexOf('-');
        return Tokens[i].IsWord && hyphen > 0 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1])
            && lexicon.NameParticles.Contains(word[..hyphen]);
    }

    // "MGM/UA Communications Co", "Audio/Video Affiliates Inc", "Royal Dutch/Shell": names joined by a slash written
    // without spaces are one name (was "UA Communications Co", "Video Affiliates Inc", "Shell").
    private bool IsSlashInName(int slash) =>
        Tokens[slash].Text == "/" && Tokens[slash - 1].End == Tokens[slash].Start
        && slash + 1 < Tokens.Count && Tokens[slash].End == Tokens[slash + 1].Start && IsChunkWord(slash + 1);

    // "Goldman, Sachs and Co", "Donaldson, Lufkin and Jenrette Securities Corp", "Smith Barney, Harris Upham and Co":
    // a partnership's name lists its partners' surnames with commas before the "and" that ends in a company suffix
    // (was "Goldman", "Roebuck and Co" of Sears, Roebuck and Co). Each part is one or two plain names (no place,
    // title or organisation word: "Britain, France and Exxon Corp" is a list). The index of that "and", or null.
    private int? PartnershipAndAfter(int chunkStart, int comma)
    {
        if (!IsPartnerName(chunkStart, comma))
            return null;
        for (var parts = 0; parts < 3; parts++)
        {
            var k = comma + 1;
            while (k < Tokens.Count && k - comma <= 2 && IsChunkWord(k))
                k++;
            if (k == comma + 1 || k >= Tokens.Count || !IsPartnerName(comma + 1, k))
                return null;
            if (Tokens[k].Text == ",")
            {
                comma = k;
                continue;
            }
            if (Tokens[k].Text != "and")
                return null;
            var tail = k + 1;
            while (tail < Tokens.Count && tail - k <= 3 && IsChunkWord(tail) && !lexicon.CompanySuffixes.Contains(Tokens[tail].Text))
                tail++;
            return tail < Tokens.Count && tail - k <= 3 && IsChunkWord(tail) && lexicon.CompanySuffixes.Contains(Tokens[tail].Text)
                   && JoinsOneName(chunkStart, k) ? k : null;
        }
        return null;
    }

    private bool IsPartnerName(int start, int end) =>
        end - start is 1 or 2 && Enumerable.Range(start, end - start).All(k => IsChunkWord(k) && !inPlace[k]
            && !lexicon.PersonTitles.Contains(Tokens[k].Text) && !lexicon.OrganisationWords.Contains(Tokens[k].Text)
            && !lexicon.CompanySuffixes.Contains(Tokens[k].Text));

    // "Moody's Investors Service Inc" is one name, not "Investors Service Inc"; but "Texas Air Corp's Continental
    // Airlines", "Iraq's Defence Ministry" and "President Reagan's Council of Economic Advisers" name an owner first.
    private bool OwnsPartOfTheName(int chunkStart, int possessive) =>
        !inPlace[possessive - 1] && !lexicon.CompanySuffixes.Contains(Tokens[possessive - 1].Text)
        && !lexicon.PersonTitles.Contains(Tokens[chunkStart].Text);

    /// <summary>"'" then "s", written against the word before: "Moody's".</summary>
    public bool IsPossessive(int i) =>
        i + 1 < Tokens.Count && TextTokens.IsQuote(Tokens[i].Text) && Tokens[i + 1].Text == "s"
        && Tokens[i - 1].End == Tokens[i].Start && Tokens[i].End == Tokens[i + 1].Start;

    // "Savings and Loan Association", "Goodyear Tire and Rubber Co", "Trade and Industry", "William Blair and Co"; not "Exxon Corp and
    // Mobil Corp" (a whole company name before "and"), nor "James Baker and Federal Reserve Board" (a second body).
    private bool JoinsOneName(int chunkStart, int and)
    {
        var before = Tokens[and - 1].Text;
        if (inPlace[and - 1] || lexicon.CompanySuffixes.Contains(before) || !IsChunkWord(and + 1))
            return false;
        // "William Blair and Co": a partnership's name, whatever comes before.
        if (lexicon.CompanySuffixes.Contains(Tokens[and + 1].Text))
            return true;
        // "Trade and Industry" ends the name; after one word, "Securities and Exchange Commission" goes on to its
        // organisation word (after a person's name, "Federal Reserve Board" is a second body).
        if (lexicon.OrganisationWords.Contains(Tokens[and + 1].Text))
        {
            if (IsChunkWord(and + 2))
                return and - chunkStart == 1 && BodyNameFollows(and + 1);
            return lexicon.OrganisationWords.Contains(before);
        }
        return BodyNameFollows(and + 1);
    }

    // One to four capitalised words from j, no place or title among them ("… and Additional Secretary Ministry
    // of …" goes on to a person), the last an organisation word or a company suffix: the rest of a body's name ("Loan Association", "Rubber Co", "Investors Service Inc", "Poor's Corp").
    private bool BodyNameFollows(int j)
    {
        var k = j;
        for (var words = 0; words < 4 && IsChunkWord(k) && !inPlace[k] && !lexicon.PersonTitles.Contains(Tokens[k].Text); words++)
        {
            k++;
            if (IsPossessive(k) && IsChunkWord(k + 2))
                k += 2;
        }
        return k > j && !IsChunkWord(k)
            && (lexicon.CompanySuffixes.Contains(Tokens[k - 1].Text) || lexicon.OrganisationWords.Contains(Tokens[k - 1].Text));
    }

    private bool IsJoiner(int i) => i < Tokens.Count && !Tokens[i].IsCapitalised && lexicon.Connectors.Contains(Tokens[i].Text);

    // "Montreal-based" describes the name after it and is no part of it.
    private bool IsChunkWord(int i) =>
        i < Tokens.Count && Tokens[i].IsWord && Tokens[i].IsCapitalised
        && !Tokens[i].Text.EndsWith("-based", StringComparison.OrdinalIgnoreCase)
        && !lexicon.FunctionWords.Contains(Tokens[i].Text)
        && !lexicon.RoleNouns.Contains(Tokens[i].Text) && lexicon.DocumentNouns.MatchAt(Tokens, i) == 0
        && !lexicon.IsPronoun(Tokens[i].Text) && !IsPronounContraction(Tokens[i].Text);

    // "I've", "We're": a pronoun with its verb, no name.
    private bool IsPronounContraction(string word)
    {
        var apostrophe = word.AsSpan().IndexOfAny('\'', '’');
        return apostrophe > 0 && lexicon.IsPronoun(word[..apostrophe]);
    }
}
