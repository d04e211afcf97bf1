namespace SearchService.Core.Facets;

/// <summary>
/// The names in one paragraph (<see cref="NameChunks"/>) and the person or body each one reads as, titles stripped,
/// with the article's <see cref="ArticleVocabulary"/>.
/// </summary>
internal sealed class ParagraphNames
{
    private readonly SpeakerLexicon lexicon;
    private readonly ArticleVocabulary vocabulary;
    private readonly bool[] inPlace;

    /// <param name="places">The paragraph's places, <see cref="RegionExtractor.Mentions"/> of its tokens (not read as shouting).</param>
    public ParagraphNames(IReadOnlyList<Token> tokens, SpeakerLexicon lexicon, IReadOnlyList<RegionMention> places, ArticleVocabulary vocabulary)
    {
        Tokens = tokens;
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
        inPlace = new bool[tokens.Count];
        foreach (var m in places)
            for (var k = m.Start; k < m.End; k++)
                inPlace[k] = true;
        Chunks = new NameChunks(tokens, lexicon, inPlace);
    }

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Where the paragraph's names are.</summary>
    public NameChunks Chunks { get; }

    /// <summary>Whom the chunk that begins at token <paramref name="i"/> names, if one begins there (<see cref="Interpret"/>).</summary>
    public NamedSpeaker? SpeakerStartingAt(int i) => Chunks.StartingAt(i) is { } chunk ? Interpret(chunk) : null;

    /// <summary>
    /// The bodies the paragraph names, and the people it names with a first name and a surname of name-shaped words
    /// ("John Howard", "J. Howard Macdonald"; not "A320 Airbus", "N.V. Philips", "Soviet-led Comecon" nor, opening a
    /// sentence, a word the article also writes in lower case, "Together Siemens"), speaker or not.
    /// </summary>
    public IEnumerable<NamedSpeaker> Named()
    {
        foreach (var chunk in Chunks.All)
        {
            if (Interpret(chunk) is not { } named)
                continue;
            if (named.Kind == SpeakerKind.Organisation)
                yield return named;
            else if (named.Kind == SpeakerKind.Person && named.Name.Split(' ') is { Length: > 1 } words && words.All(IsNameWord)
                && words[..^1].Any(w => w.Length > 1 && !w.Contains('.'))
                && !lexicon.OrganisationWords.Contains(words[0]) && !lexicon.CompanySuffixes.Contains(words[^1])
                && !(words[0] == Tokens[chunk.Start].Text && TextTokens.IsSentenceStart(Tokens, chunk.Start) && vocabulary.IsWrittenInLowerCase(words[0])))
                yield return named;
        }
    }

    // "Howard", "McIvor", "Moussavar-Rahmani", "O'Reilly", an initial "J" or "H.W.": not "A320", "AB", "of", "Soviet-led".
    private static bool IsNameWord(string word) =>
        char.IsUpper(word[0])
        && (word.Length == 1
            || (word.Contains('.') && word.All(c => char.IsUpper(c) || c == '.'))
            || word.Split('-').All(part => part.Length > 0 && char.IsUpper(part[0]) && part.Any(char.IsLower)
                && part.All(c => char.IsLetter(c) || c is '\'' or '’')));

    /// <summary>
    /// Whom a chunk names: a title or place followed by a name is a person with the title stripped
    /// ("Deputy Minister of Foreign Affairs of Russia Oleg V Syromolotov" → "Oleg V Syromolotov"); a sequence headed by an
    /// organisation word is a body ("Foreign Office", "Bank of England"); a bare title ("the Foreign Minister") or a
    /// place is no speaker.
    /// </summary>
    public NamedSpeaker? Interpret((int Start, int End) chunk)
    {
        var words = new List<int>(chunk.End - chunk.Start);
        for (var i = chunk.Start; i < chunk.End; i++)
            if (Tokens[i].Text is not ("." or "," or "/"))
                words.Add(i);
        // roles[n] is the role of the n-th word, Tokens[words[n]].
        var roles = new NameWordRole[words.Count];
        for (var n = 0; n < words.Count; n++)
            roles[n] = RoleOf(words[n]);
        for (var n = 0; n < words.Count; n++)
        {
            var title = lexicon.PersonTitles.MatchAt(Tokens, words[n]);
            for (var k = 1; k < title && n + k < words.Count; k++)
                roles[n + k] = NameWordRole.Title;
        }
        // "Sheikh Zaid bin Sultan al-Nahayan": a title after a name particle is a father's name.
        for (var n = 1; n < words.Count; n++)
            if (roles[n] == NameWordRole.Title && roles[n - 1] == NameWordRole.Connector && lexicon.NameParticles.Contains(Tokens[words[n - 1]].Text))
                roles[n] = NameWordRole.Name;
        for (var n = 0; n < words.Count; n++)
            if (roles[n] == NameWordRole.Title && lexicon.TitlesAlsoNames.Contains(Tokens[words[n]].Text)
                && ((n > 0 && roles[n - 1] == NameWordRole.Name)
                    || (n + 2 < words.Count && roles[n + 1] == NameWordRole.Name && roles[n + 2] == NameWordRole.Name)))
                roles[n] = NameWordRole.Name;
        // A place is no speaker; nor is a lone initial ("I", "P"), nor the tail of a company name cut at "and" ("Co Inc").
        if (Array.TrueForAll(roles, r => r is NameWordRole.Place or NameWordRole.Connector)
            || (words.Count == 1 && Tokens[words[0]].IsInitial)
            || lexicon.CompanySuffixes.Contains(Tokens[words[0]].Text))
            return null;

        if (Affiliated(words, roles) is { } affiliated)
            return affiliated;
        var nameStart = words.Count;
        while (nameStart > 0 && roles[nameStart - 1] == NameWordRole.Name)
            nameStart--;
        // "Vice Chairman Gerard van Schaik": a particle inside the surname of a person named with an office.
        while (nameStart > 1 && nameStart < words.Count && roles[nameStart - 1] == NameWordRole.Connector
               && lexicon.NameParticles.Contains(Tokens[words[nameStart - 1]].Text) && roles[nameStart - 2] == NameWordRole.Name
               && HasTitle(roles, nameStart - 1))
        {
            nameStart -= 2;
            while (nameStart > 0 && roles[nameStart - 1] == NameWordRole.Name)
                nameStart--;
        }
        if (nameStart < words.Count)
        {
            if (nameStart == 0)
            {
                if (words.Count > 1)
                    return new NamedSpeaker(Text(words[0], chunk.End), SpeakerKind.Person);
                // A lone capitalised word opening a sentence may be an ordinary word ("Analysts said").
                var atSentenceStart = TextTokens.IsSentenceStart(Tokens, words[0]);
                return atSentenceStart && !vocabulary.ProperNouns.Contains(Tokens[words[0]].Text) ? null : new NamedSpeaker(Text(words[0], chunk.End), SpeakerKind.Unknown);
            }
            // "President Reagan", "… of Russia Oleg V Syromolotov" are people; "China Daily", "Bank of Boston" are bodies.
            var before = roles[nameStart - 1];
            var isPerson = before == NameWordRole.Title || (before == NameWordRole.Place && words.Count - nameStart > 1);
            if (!isPerson)
                return new NamedSpeaker(Text(words[0], chunk.End), SpeakerKind.Organisation);
            // "Treasury Secretary James Baker": the office is what the article says the person is.
            return new NamedSpeaker(Text(words[nameStart], chunk.End), SpeakerKind.Person, Titled: before == NameWordRole.Title,
                Role: HasTitle(roles, nameStart) ? Text(words[0], words[nameStart]) : null);
        }

        // No trailing name: the head word of the first segment ("Minister" of "Deputy Minister of …") decides.
        var segmentEnd = Array.IndexOf(roles, NameWordRole.Connector);
        var head = (segmentEnd < 0 ? words.Count : segmentEnd) - 1;
        if (roles[head] is NameWordRole.Title or NameWordRole.Place)
            return null;
        // A lone "Bank", "Commission" or "Ministry" is the tail of a name cut short, not a body one can filter by.
        if (words.Count == 1 && roles[head] == NameWordRole.Organisation && !lexicon.StandaloneBodies.Contains(Tokens[words[head]].Text))
            return null;
        if (words.Count == 1 && TextTokens.IsSentenceStart(Tokens, words[0]) && !vocabulary.ProperNouns.Contains(Tokens[words[0]].Text))
            return null;
        return new NamedSpeaker(Text(words[0], chunk.End), SpeakerKind.Organisation);
    }

    // Whether one of the first count words is a title.
    private static bool HasTitle(NameWordRole[] roles, int count) => Array.IndexOf(roles, NameWordRole.Title, 0, count) >= 0;

    // "Bijan Moussavar-Rahmani of Harvard University's Energy and Environment Policy Center", "Julius Maldutis of
    // Salomon Brothers Inc", "Martin Bachem of Morgan Guaranty", "Greenstein of Bear Stearns": a person's name, then the
    // body they speak for, which is their role and no part of the name. Not "Bank of England" (an organisation word
    // first) nor "Ford Motor Co of Canada" (a company first). A place after "of" makes a person of a full name only
    // ("Governor Robert Orr of Indiana", "Ahmed Farouk of Malaysia"; "Volkswagen of America" is a company).
    // The person is words [person, of), the body words (of, end); roles as in Interpret.
    private NamedSpeaker? Affiliated(List<int> words, NameWordRole[] roles)
    {
        var of = 0;
        while (of < words.Count && Tokens[words[of]].Text != "of")
            of++;
        if (of < 1 || of >= words.Count - 1)
            return null;
        // "Analyst Edward Johnson of …": a title before the name is no part of it.
        var person = 0;
        while (person < of && roles[person] == NameWordRole.Title)
            person++;
        if (person == of)
            return null;
        // A name may hold a particle ("Robert di Clemente"), not a joiner of a body's words ("for", "the", "&").
        if (roles[person] != NameWordRole.Name || roles[of - 1] != NameWordRole.Name)
            return null;
        for (var n = person; n < of; n++)
        {
            var text = Tokens[words[n]].Text;
            if (!((roles[n] == NameWordRole.Name && !lexicon.CompanySuffixes.Contains(text))
                  || (roles[n] == NameWordRole.Connector && text is not ("for" or "on" or "the" or "&"))))
                return null;
        }
        var name = Text(words[person], words[of]);
        var role = Text(words[of + 1], words[^1] + 1);
        if (of - person > 1)
            return new NamedSpeaker(name, SpeakerKind.Person, Role: role);
        // A bare surname before a firm named without an organisation word ("Morgan Guaranty", "L.F. Rothschild", "the
        // GAO") is resolved as any bare name is ("Eisenberg" → the article's Steven Eisenberg); before a body named
        // with one, or before a place, it is no one's.
        var namesOrganisation = false;
        var onlyPlaces = true;
        for (var n = of + 1; n < words.Count; n++)
        {
            namesOrganisation |= roles[n] == NameWordRole.Organisation || lexicon.CompanySuffixes.Contains(Tokens[words[n]].Text);
            onlyPlaces &= roles[n] is NameWordRole.Place or NameWordRole.Connector;
        }
        return namesOrganisation || onlyPlaces ? null : new NamedSpeaker(name, SpeakerKind.Unknown, Role: role);
    }

    private NameWordRole RoleOf(int i)
    {
        var t = Tokens[i];
        if (inPlace[i]) return NameWordRole.Place;
        if (!t.IsCapitalised && lexicon.Connectors.Contains(t.Text)) return NameWordRole.Connector;
        if (lexicon.PersonTitles.Contains(t.Text)) return NameWordRole.Title;
        if (lexicon.OrganisationWords.Contains(t.Text)) return NameWordRole.Organisation;
        return NameWordRole.Name;
    }

    // Canonical form: words joined by spaces, periods after initials dropped ("Oleg V. Syromolotov" → "Oleg V Syromolotov"),
    // a partnership's commas too ("Goldman Sachs and Co"), a possessive and a slash kept on their words ("Moody's", "MGM/UA").
    private string Text(int first, int end)
    {
        // One word, the commonest case ("Reagan", "Treasury"), is its token's own text.
        if (end - first == 1 && Tokens[first].Text is not ("." or ","))
            return Tokens[first].Text;
        // The span of text the name is written in is as long as the name or longer.
        var text = new System.Text.StringBuilder(Tokens[end - 1].End - Tokens[first].Start);
        for (var i = first; i < end; i++)
        {
            if (Tokens[i].Text is "." or ",")
                continue;
            // "H.Onno Ruding" is "H Onno Ruding": an initial's period written against a name still parts them ("U.S" stays "US").
            if (text.Length > 0 && (Tokens[i - 1].End < Tokens[i].Start || (Tokens[i - 1].Text == "." && Tokens[i].Text.Length > 1)))
                text.Append(' ');
            text.Append(Tokens[i].Text);
        }
        return text.ToString();
    }
}
