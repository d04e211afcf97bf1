namespace SearchService.Core.Facets;

/// <summary>
/// One paragraph read for its speakers: the statements it attributes ("…," said the statement; according to a statement
/// of the Foreign Office) and to whom, and the people and bodies that act in it (co-chaired by …; X met Y), with "it",
/// "he" and "the statement" resolved by what the article named before (<see cref="SpeakerAntecedents"/>).
/// </summary>
internal sealed class SpeakerParagraph
{
    /// <summary>The most lower-case words describing a name after an inverted verb ("said private market analyst X").</summary>
    private const int LongestDescription = 4;

    /// <summary>The most tokens between an attribution's verb and the comma that ends the statement before it ("…, a senior Bank of Japan official said").</summary>
    private const int LongestSubject = 8;

    /// <summary>The most tokens of a description between commas after a name ("Cointreau, founder and chairman of …, said").</summary>
    private const int LongestAppositive = 24;

    private readonly ParagraphNames names;
    private readonly NameChunks chunks;
    private readonly SpeakerLexicon lexicon;
    private readonly ArticleVocabulary vocabulary;
    private IReadOnlyList<Token> Tokens { get; }

    public SpeakerParagraph(ParagraphNames names, SpeakerLexicon lexicon, ArticleVocabulary vocabulary)
    {
        this.names = names;
        chunks = names.Chunks;
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
        Tokens = names.Tokens;
    }

    /// <summary>The names the paragraph holds and whom each one names.</summary>
    public ParagraphNames Names => names;

    /// <summary>The attributions <see cref="Speakers"/> found, in order.</summary>
    public List<Attribution> Attributions { get; } = [];

    // Speakers an attribution names that it is not given to ("Reagan and Baker said"), for the facet to list.
    private List<NamedSpeaker> SpeakersBesides { get; } = [];

    /// <summary>
    /// The paragraph's speakers and actors, distinct, in order of appearance, each remembered in
    /// <paramref name="antecedents"/> for the paragraphs after it; fills <see cref="Attributions"/>. Called once, in the
    /// article's order.
    /// </summary>
    public List<SpeakerMention> Speakers(SpeakerAntecedents antecedents)
    {
        var found = new List<SpeakerMention>();
        // The same mentions by name: a paragraph may name thousands.
        var byName = new Dictionary<string, SpeakerMention>(StringComparer.OrdinalIgnoreCase);
        // Where the statement of the sentence's last attribution begins ("Lyng said the bill had the support of
        // President Reagan"), and whether a quotation is open: a name there is in passing, no antecedent of "he".
        var reportedFrom = -1;
        var quoted = false;
        var sentenceSequence = antecedents.Sequence;
        // Returns the name as the paragraph's mentions hold it, null for no one.
        string? Add(NamedSpeaker? s, bool passing = false)
        {
            if (s is null) return null;
            var role = s.Role;
            s = antecedents.Remember(s, antecedent: !passing);
            if (!byName.TryGetValue(s.Name, out var mention))
            {
                found.Add(mention = new SpeakerMention(s.Name, s.Kind, role ?? s.Role, s.NamedInPassing));
                byName.Add(s.Name, mention);
            }
            return mention.Name;
        }
        void Attribute(int verbStart, int verbEnd, NamedSpeaker? s)
        {
            var statementFirst = StatementComesFirst(verbStart);
            if (!quoted && statementFirst == true)
                antecedents.NamedInStatementSince(sentenceSequence);
            if (Add(s) is { } name)
                Attributions.Add(new Attribution(verbStart, verbEnd, name));
            // "China's top leader Deng Xiaoping said …, Ming Pao newspaper said": who opens the sentence speaking stays
            // the one a later "he" may stand for.
            if (statementFirst == false)
                sentenceSequence = antecedents.Sequence;
            reportedFrom = verbEnd;
        }

        for (var i = 0; i < Tokens.Count; i++)
        {
            if (TextTokens.IsSentenceStart(Tokens, i))
            {
                reportedFrom = -1;
                sentenceSequence = antecedents.Sequence;
            }
            if (Tokens[i].Text is "“" or "”" or "\"")
                quoted = Tokens[i].Text == "“" || (Tokens[i].Text == "\"" && !quoted);
            var passing = quoted || (reportedFrom >= 0 && i >= reportedFrom);
            // "Prime Minister Andreas Papandreou has withdrawn…", "President Reagan's move…": an office holder acts in the news.
            if (chunks.StartingAt(i) is { } chunk && names.Interpret(chunk) is { Titled: true } titled)
            {
                Add(titled, passing);
                // "Defense Secretary Caspar Weinberger ordered …, the Pentagon said. … He said": the sentence's subject
                // is what its statement is about, and stays the one a later "he" may stand for, as does the speaker
                // ("…, Prime Minister Zeid al-Rifa'i said").
                if (TextTokens.IsSentenceStart(Tokens, i) || lexicon.AttributionVerbs.MatchAt(Tokens, chunk.End) > 0)
                    sentenceSequence = antecedents.Sequence;
            }
            if (!IsLowerWord(i))
                continue;
            int k;
            if ((k = lexicon.AgentPhrases.MatchAt(Tokens, i)) > 0)
                foreach (var s in Agents(i + k))
                    Add(s, passing);
            else if (Tokens[i].Text == "according" && i + 1 < Tokens.Count && Tokens[i + 1].Text == "to")
                Attribute(i, i + 2, NounPhrase(i + 2, antecedents));
            else if ((k = lexicon.AttributionVerbs.MatchAt(Tokens, i)) > 0)
                Attribute(i, i + k, Subject(i, i + k, antecedents));
            else if ((k = lexicon.ActionVerbs.MatchAt(Tokens, i)) > 0)
            {
                Add(Subject(i, i + k, antecedents), passing);
                Add(names.SpeakerStartingAt(SkipDeterminers(i + k)), passing);
            }
            else if ((k = lexicon.NamedObjectVerbs.MatchAt(Tokens, i)) > 0)
            {
                if (names.SpeakerStartingAt(SkipDeterminers(i + k)) is not { } met)
                    continue;
                Add(Subject(i, i + k, antecedents), passing);
                Add(met, passing);
            }
            else
                continue;
            foreach (var besides in SpeakersBesides)
                Add(besides, passing);
            SpeakersBesides.Clear();
            i += Math.Max(k, 1) - 1;
        }
        return found;
    }

    // "…, bankers said", "…," Poehl told reporters, "…, Karl Otto Poehl, the Bundesbank president, said": the attribution
    // at <paramref name="verbStart"/> follows what was said in its sentence, set off by a comma (or a quotation closed
    // against one) a few words before its subject; not "…, but added", nor a quoted phrase ("a "level playing field"
    // be maintained"). False when the subject opens the sentence ("China's top leader Deng Xiaoping said"), null when
    // neither.
    private bool? StatementComesFirst(int verbStart)
    {
        var subjectEnd = verbStart;
        while (subjectEnd > 0 && lexicon.VerbModifiers.Contains(Tokens[subjectEnd - 1].Text))
            subjectEnd--;
        for (var k = subjectEnd - 1; k >= 0 && k >= verbStart - LongestSubject; k--)
        {
            var text = Tokens[k].Text;
            var closesQuotation = k > 0 && TextTokens.IsQuote(text) && Tokens[k - 1].Text is "," or "." or "?" or "!"
                                  && Tokens[k - 1].End == Tokens[k].Start;
            if (text == "," || closesQuotation)
                return !TextTokens.IsSentenceStart(Tokens, k) && BeginsSubject(k + 1, subjectEnd) ? true : null;
            if (TextTokens.IsSentenceStart(Tokens, k))
                return false;
            if (TextTokens.IsQuote(text) && !chunks.IsPossessive(k))
                return null;
        }
        return null;
    }

    // "he", "the Bundesbank president", "Karl Otto Poehl", "bankers": what opens the subject of a verb; not "but", "and".
    private bool BeginsSubject(int start, int subjectEnd)
    {
        var first = Tokens[start];
        return first.IsCapitalised || lexicon.PersonPronouns.Contains(first.Text) || lexicon.BodyPronouns.Contains(first.Text)
            || lexicon.Determiners.Contains(first.Text)
            || (first.IsWord && start == subjectEnd - 1 && !lexicon.FunctionWords.Contains(first.Text));
    }

    // "co-chaired by A and B", "led by A, B and C".
    private IEnumerable<NamedSpeaker?> Agents(int j)
    {
        while (true)
        {
            j = SkipDeterminers(j);
            if (chunks.At(j) is not { } chunk)
                yield break;
            yield return names.Interpret(chunk);
            j = chunk.End;
            if (j < Tokens.Count && Tokens[j].Text is "and" or ",")
                j++;
            else
                yield break;
        }
    }

    // Who a verb at [verbStart, verbEnd) is attributed to: before it ("the statement noted", "it added", "X, a minister, said"),
    // or after it when a quotation comes first ("…," said the statement).
    private NamedSpeaker? Subject(int verbStart, int verbEnd, SpeakerAntecedents antecedents)
    {
        var j = verbStart - 1;
        while (j >= 0 && lexicon.VerbModifiers.Contains(Tokens[j].Text))
            j--;
        if (j < 0)
            return null;
        var before = Tokens[j].Text;
        if (before == "," && UnnamedBeforeRelativeClause(j))
        {
            antecedents.RememberUnnamedSpeaker();
            return null;
        }
        if (TextTokens.IsQuote(before) || before == ",")
        {
            // "…, an official told Reuters": after "told" comes who listened, not who spoke.
            var listenerFollows = Tokens[verbStart].Text is "told" or "tells";
            if (!listenerFollows && InvertedSpeaker(verbEnd, antecedents) is { } inverted)
                return inverted;
            return before == "," ? Appositive(j) : null;
        }
        if (lexicon.PersonPronouns.Contains(before))
            return antecedents.PersonFor(before);
        if (lexicon.BodyPronouns.Contains(before))
            return antecedents.LastBody;
        var docLength = DocumentNounEndingAt(j);
        if (!Tokens[j].IsCapitalised && lexicon.UnnamedPersonNouns.Contains(before))
            antecedents.RememberUnnamedSpeaker(); // "one trader said", "a Bank of England spokesman said"
        if (docLength > 0 || lexicon.RoleNouns.Contains(before))
        {
            var head = j - Math.Max(docLength, 1);
            // "a Foreign Office statement said", "Exxon officials said"; not "Congressional sources said", whom no
            // name names, nor "CAC and Westpac officials said", several bodies' people.
            if (head >= 0 && chunks.EndingWith(head) is { } named)
            {
                if (named.End - named.Start == 1 && (lexicon.AdjectivesBeforeRoleNouns.Contains(Tokens[head].Text)
                    || (IsShapedLikeAdjective(Tokens[head].Text) && antecedents.LastBodyNamed(Tokens[head].Text) is null)))
                {
                    antecedents.RememberUnnamedSpeaker();
                    return null;
                }
                return ChunkBefore(named.Start) is null ? names.Interpret(named) : null;
            }
            if (docLength > 0)
                return antecedents.Issuer ?? antecedents.LastBody;
            // "The company said": the body last quoted, as "it said" is; "a company said" is no one in particular.
            return head >= 0 && string.Equals(Tokens[head].Text, "the", StringComparison.OrdinalIgnoreCase)
                && lexicon.BodyReferenceNouns.Contains(before) ? antecedents.LastBody : null;
        }
        // "The department said": the body last quoted with that word in its name ("Agriculture Department").
        if (!Tokens[j].IsCapitalised && lexicon.OrganisationWords.Contains(before) && j > 0
            && string.Equals(Tokens[j - 1].Text, "the", StringComparison.OrdinalIgnoreCase))
            return antecedents.LastBodyNamed(before);
        if (chunks.EndingWith(j) is not { } chunk)
            return null;
        // "Economists polled by Reuters said": a name after a preposition is not who speaks.
        if (chunk.Start > 0 && lexicon.ObjectPrepositions.Contains(Tokens[chunk.Start - 1].Text))
            return null;
        var first = ChunkBefore(chunk.Start);
        // "an official of the Council for Economic Planning and Development told Reuters": the body speaks for its
        // unnamed official, whose the next "he said" is.
        var start = SkipDeterminersBackward(first?.Start ?? chunk.Start);
        if (start > 1 && Tokens[start - 1].Text is "of" or "for" or "at"
            && lexicon.UnnamedPersonNouns.Contains(Tokens[start - 2].Text) && !Tokens[start - 2].IsCapitalised)
            antecedents.RememberUnnamedSpeaker();
        return first is { } andBefore ? Joined(andBefore, chunk, antecedents) : names.Interpret(chunk);
    }

    // "Conservative sources", "Reliable sources", "Local officials": a lone capitalised word with an adjective's ending
    // describes unnamed speakers, unless the article quoted a body by it ("Continental" of Continental Airlines).
    private static bool IsShapedLikeAdjective(string word) =>
        word.Length > 4 && word.Skip(1).All(char.IsLower) && AdjectiveEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

    private static readonly string[] AdjectiveEndings = ["ive", "able", "ible", "al", "ous", "ic"];

    // A one-word name the article gives a person elsewhere ("Baker" of "James Baker" or "Secretary Baker"); in
    // "Harper and Row" and "Duff and Phelps", no word ends a longer name.
    private bool NamesSomeone((int Start, int End) chunk, SpeakerAntecedents antecedents)
    {
        var word = Tokens[chunk.Start].Text;
        return chunk.End - chunk.Start == 1 && (antecedents.IsPerson(word) || vocabulary.NameEnds.Contains(word));
    }

    // The name before "and" when the chunk at <paramref name="chunkStart"/> follows one: "Harper and Row said".
    private (int Start, int End)? ChunkBefore(int chunkStart) =>
        chunkStart > 1 && Tokens[chunkStart - 1].Text == "and" ? chunks.At(chunkStart - 2) : null;

    // "Harper and Row said", "Bausch and Lomb said", "Council for Economic Planning and Development told": one
    // body's name, unless either half is a person or a whole body's name ("Reagan and Baker said", "Exxon Corp and
    // Mobil Corp said"): several speakers, no one's statement.
    private NamedSpeaker? Joined((int Start, int End) first, (int Start, int End) second, SpeakerAntecedents antecedents)
    {
        var (one, other) = (names.Interpret(first), names.Interpret(second));
        // "Exxon Corp and Mobil Corp said", "Britain and Exxon said": two names, each whole; each speaks in the
        // paragraph, neither alone.
        if (one is null || other is null || one.Kind == SpeakerKind.Person || other.Kind == SpeakerKind.Person
            || lexicon.CompanySuffixes.Contains(Tokens[first.End - 1].Text)
            || NamesSomeone(first, antecedents) || NamesSomeone(second, antecedents))
        {
            SpeakersBesides.AddRange(new[] { one, other }.OfType<NamedSpeaker>());
            return null;
        }
        return names.Interpret((first.Start, second.End)) is { } whole ? whole with { Kind = SpeakerKind.Organisation } : null;
    }

    // Who an inverted attribution names: "…, said the Securities and Exchange Commission", "…, said Amoco's Collier"
    // (the name after its owner). A verb or a possessive with no name after the name begins what was said instead:
    // "John Dingell, D-Mich, said the Securities and Exchange Commission should…", "Labatt, 38 pct-owned by Brascan
    // Ltd, said Brascan's 49 pct-owned unit agreed…".
    private NamedSpeaker? InvertedSpeaker(int j, SpeakerAntecedents antecedents)
    {
        var start = SkipDeterminers(j);
        if (DescribedName(start) is { } described)
            return names.Interpret(described);
        if (NameAfterFirm(start) is { } analyst)
            return names.Interpret(analyst);
        if (chunks.At(start) is { } chunk)
        {
            var end = chunk.End;
            if (chunks.IsPossessive(end))
                return names.SpeakerStartingAt(end + 2);
            if (lexicon.ClauseVerbs.MatchAt(Tokens, end) > 0)
                return null;
        }
        return NounPhrase(j, antecedents);
    }

    // "…," said private market analyst Edouard Cointreau: a few lower-case words ending in a person noun, then the
    // name they describe; that name's chunk, or null.
    private (int Start, int End)? DescribedName(int start)
    {
        var k = start;
        while (k < Tokens.Count && k - start < LongestDescription && IsLowerWord(k))
            k++;
        return k > start && k < Tokens.Count && lexicon.UnnamedPersonNouns.Contains(Tokens[k - 1].Text)
               ? chunks.StartingAt(k) : null;
    }

    // "…," said Barclays de Zoete Wedd analyst Rick May / said Donaldson, Lufkin and Jenrette Inc analyst William
    // Marcus / said Federal National Mortgage Association chairman David Maxwell: a firm's name (commas and "and"
    // allowed in it), a lower-case person noun or office, then the person's name, which ends the sentence; that name's
    // chunk, or null.
    private (int Start, int End)? NameAfterFirm(int start)
    {
        var k = start;
        while (k < Tokens.Count && k - start < LongestAppositive)
        {
            if (chunks.At(k) is { } part)
                k = part.End;
            else if (Tokens[k].Text is "," or "and")
                k++;
            else
                break;
        }
        // "analyst", "chairman", "vice president", "chief executive officer": lower-case, so no part of the firm's name.
        var description = k;
        while (k < Tokens.Count && k - description < LongestDescription && !Tokens[k].IsCapitalised
               && (lexicon.UnnamedPersonNouns.Contains(Tokens[k].Text) || lexicon.PersonTitles.Contains(Tokens[k].Text)))
            k++;
        if (description == start || k == description || k >= Tokens.Count)
            return null;
        if (chunks.StartingAt(k) is not { } name)
            return null;
        return name.End >= Tokens.Count || Tokens[name.End].Text is "." or "," or ";" ? name : null;
    }

    // "The dealer, who declined to be named, said": an unnamed person described by a relative clause that closes
    // at <paramref name="closingComma"/>, whose the next "he said" is.
    private bool UnnamedBeforeRelativeClause(int closingComma)
    {
        for (var k = closingComma - 1; k > 0 && k >= closingComma - LongestAppositive; k--)
            if (Tokens[k].Text == ",")
                return k + 1 < closingComma && Tokens[k + 1].Text == "who" && !Tokens[k - 1].IsCapitalised
                       && lexicon.UnnamedPersonNouns.Contains(Tokens[k - 1].Text);
        return false;
    }

    // "Nabeel Munir, the additional secretary, said": the name before the comma-enclosed description.
    private NamedSpeaker? Appositive(int closingComma)
    {
        for (var k = closingComma - 1; k >= Math.Max(0, closingComma - LongestAppositive); k--)
        {
            if (Tokens[k].Text != ",")
                continue;
            var end = k - 1;
            // "Sen. Tom Harkin, D-Iowa, sponsor of the bill, told": the name is before the party and state.
            if (end >= 0 && SpeakerLexicon.IsPartyAndState(Tokens[end].Text) && end - 1 >= 0 && Tokens[end - 1].Text == ",")
            {
                k = end;
                continue;
            }
            return end >= 0 && chunks.EndingWith(end) is { } name ? names.Interpret(name) : null;
        }
        return null;
    }

    // A noun phrase naming a speaker: "the statement", "a statement of the Foreign Office", "Foreign Minister X", "it".
    private NamedSpeaker? NounPhrase(int j, SpeakerAntecedents antecedents)
    {
        j = SkipDeterminers(j);
        if (j >= Tokens.Count)
            return null;
        if (lexicon.PersonPronouns.Contains(Tokens[j].Text))
            return antecedents.PersonFor(Tokens[j].Text);
        if (lexicon.BodyPronouns.Contains(Tokens[j].Text))
            return antecedents.LastBody;
        if (chunks.At(j) is { } chunk)
            return names.Interpret(chunk);
        if (!Tokens[j].IsCapitalised && lexicon.UnnamedPersonNouns.Contains(Tokens[j].Text))
            antecedents.RememberUnnamedSpeaker(); // "…, said the analyst who requested anonymity"
        var doc = lexicon.DocumentNouns.MatchAt(Tokens, j);
        var role = doc == 0 && lexicon.RoleNouns.Contains(Tokens[j].Text) ? 1 : 0;
        if (doc + role == 0)
            return null;
        var after = j + doc + role;
        // "a document issued by the PMDB": the agent of the document is its owner.
        var agent = doc > 0 ? lexicon.AgentPhrases.MatchAt(Tokens, after) : 0;
        if (agent > 0 || (after < Tokens.Count && Tokens[after].Text is "of" or "from" or "by" or "for"))
        {
            var owner = names.SpeakerStartingAt(SkipDeterminers(after + Math.Max(agent, 1)));
            if (doc > 0 && owner?.Kind == SpeakerKind.Organisation)
                antecedents.Issuer = owner;
            if (owner is not null)
                return owner;
        }
        return doc > 0 ? antecedents.Issuer ?? antecedents.LastBody : null;
    }

    private bool IsLowerWord(int i) => Tokens[i].IsWord && !Tokens[i].IsCapitalised;

    private int SkipDeterminers(int j)
    {
        while (j < Tokens.Count && lexicon.Determiners.Contains(Tokens[j].Text))
            j++;
        return j;
    }

    // The first of the determiners just before <paramref name="j"/> ("of the Council"), or j.
    private int SkipDeterminersBackward(int j)
    {
        while (j > 0 && lexicon.Determiners.Contains(Tokens[j - 1].Text))
            j--;
        return j;
    }

    private int DocumentNounEndingAt(int j)
    {
        for (var start = Math.Max(0, j - 2); start <= j; start++)
            if (lexicon.DocumentNouns.MatchAt(Tokens, start) == j - start + 1)
                return j - start + 1;
        return 0;
    }
}
