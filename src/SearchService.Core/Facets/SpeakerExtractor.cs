namespace SearchService.Core.Facets;

/// <summary>
/// Finds the people and bodies that a paragraph's statements are attributed to ("…," said the statement;
/// according to a statement of the Foreign Office) or that act in it (co-chaired by …; X met Y), strips their titles,
/// and resolves references within the article: "it added" and "the statement noted" go to the body last quoted,
/// "he"/"she" to the last person. Works from capitalised name sequences and the word lists of <see cref="SpeakerLexicon"/>.
/// Stateless between calls, so one instance serves many threads.
/// </summary>
public sealed class SpeakerExtractor
{
    private readonly SpeakerLexicon lexicon;
    private readonly RegionExtractor regions;

    public SpeakerExtractor(SpeakerLexicon lexicon, RegionExtractor regions)
    {
        this.lexicon = lexicon;
        this.regions = regions;
    }

    /// <summary>Speakers of each paragraph, in order; distinct within a paragraph, in order of appearance.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Extract(IReadOnlyList<string> paragraphs) =>
        Extract(paragraphs.Select(TextTokens.Tokenize).ToList());

    /// <summary>Speakers of each paragraph, given as its tokens (<see cref="TextTokens.Tokenize"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Extract(IReadOnlyList<IReadOnlyList<Token>> paragraphs) =>
        Mentions(paragraphs).Select(p => (IReadOnlyList<string>)p.Select(m => m.Name).ToList()).ToList();

    /// <summary>Speakers of each paragraph with their kind and the office the paragraph names them with, if any.</summary>
    public IReadOnlyList<IReadOnlyList<SpeakerMention>> Mentions(IReadOnlyList<IReadOnlyList<Token>> paragraphs) =>
        Read(paragraphs).Mentions;

    /// <summary>Speakers of each paragraph, and where in it each statement is attributed to one of them.</summary>
    public SpeakerReading Read(IReadOnlyList<IReadOnlyList<Token>> paragraphs)
    {
        var parsed = paragraphs.Select(tokens => new Paragraph(tokens, this)).ToList();
        var context = new ArticleContext(parsed, ProperNouns(parsed), NameEnds(parsed), lexicon);
        var mentions = parsed.Select(p => (IReadOnlyList<SpeakerMention>)p.Speakers(context)).ToList();
        return new SpeakerReading(mentions, parsed.Select(p => (IReadOnlyList<Attribution>)p.Attributions).ToList());
    }

    // Words capitalised somewhere other than a sentence start are names; "Analysts said" at a sentence start is not one.
    private static HashSet<string> ProperNouns(IEnumerable<Paragraph> paragraphs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
            for (var i = 0; i < p.Tokens.Count; i++)
                if (p.Tokens[i] is { IsWord: true, IsCapitalised: true } t && !names.Contains(t.Text) && !TextTokens.IsSentenceStart(p.Tokens, i))
                    names.Add(t.Text);
        return names;
    }

    // Capitalised words right after another capitalised word or an initial: the last words of longer names ("Baker" of
    // "James Baker", "Reagan" of "President Reagan").
    private static HashSet<string> NameEnds(IEnumerable<Paragraph> paragraphs)
    {
        var ends = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
            for (var i = 1; i < p.Tokens.Count; i++)
                if (p.Tokens[i] is { IsWord: true, IsCapitalised: true } t
                    && (p.Tokens[i - 1] is { IsWord: true, IsCapitalised: true } || (p.Tokens[i - 1].Text == "." && i > 1 && p.Tokens[i - 2].IsInitial)))
                    ends.Add(t.Text);
        return ends;
    }

    /// <param name="Titled">Named with an office ("Prime Minister Andreas Papandreou"), which makes them one of the news's actors.</param>
    /// <param name="Role">The office or body they are named with ("U.S. Treasury Secretary"), if any.</param>
    /// <param name="NamedInPassing">A bare name's full name that the article gave only in passing (<see cref="SpeakerMention.NamedInPassing"/>).</param>
    private sealed record Speaker(string Name, SpeakerKind Kind, bool Titled = false, string? Role = null, bool NamedInPassing = false);

    /// <summary>What earlier paragraphs of the article said, for resolving "it", "he" and "the statement".</summary>
    private sealed class ArticleContext(IReadOnlyList<Paragraph> paragraphs, HashSet<string> properNouns, HashSet<string> nameEnds, SpeakerLexicon lexicon)
    {
        private List<Speaker>? namedInArticle;
        private HashSet<string>? lowerCaseWords;
        private readonly List<Speaker> people = [];
        private readonly List<Speaker> bodies = [];
        // People and unknown single names a pronoun may stand for, in order: speakers and actors, not people named in
        // passing inside what someone else said.
        private readonly List<(Speaker Speaker, int Seq)> antecedents = [];
        private readonly HashSet<string> women = new(StringComparer.Ordinal);
        private readonly HashSet<string> men = new(StringComparer.Ordinal);
        private int sequence, unnamedSpeakerSequence;
        private (Speaker? Speaker, int Seq) latestBody, latestUnknown;

        public HashSet<string> ProperNouns { get; } = properNouns;

        /// <summary>Words that end longer names somewhere in the article (<see cref="SpeakerExtractor.NameEnds"/>).</summary>
        public HashSet<string> NameEnds { get; } = nameEnds;

        /// <summary>The body whose statement, report or communiqué was last mentioned.</summary>
        public Speaker? Issuer { get; set; }

        /// <param name="antecedent">Whether a later "he", "she" or "it" may stand for them: not for a name in passing inside someone else's statement.</param>
        public Speaker Remember(Speaker s, bool antecedent = true)
        {
            if (s.Kind == SpeakerKind.Unknown && !s.Name.Contains(' '))
                s = people.LastOrDefault(p => p.Name.EndsWith(" " + s.Name, StringComparison.Ordinal))
                    ?? (people.Exists(p => p.Name == s.Name) ? null : NamedInFull(s.Name))
                    ?? s;
            sequence++;
            // "Mrs Thatcher", "Sir Geoffrey Howe": the title says which pronoun stands for them.
            var titles = (s.Role ?? "").Split(' ');
            if (titles.Any(lexicon.FemaleTitles.Contains))
                women.Add(s.Name);
            else if (titles.Any(lexicon.MaleTitles.Contains))
                men.Add(s.Name);
            switch (s.Kind)
            {
                case SpeakerKind.Person: people.Add(s); break;
                // "…said it filed for an offering through underwriters led by Merrill Lynch and Co Inc. It said…": a body
                // named in passing inside another's statement is not what a later "it" stands for.
                case SpeakerKind.Organisation: if (antecedent) latestBody = (s, sequence); bodies.Add(s); break;
                default: if (antecedent) latestUnknown = (s, sequence); break;
            }
            if (antecedent && s.Kind != SpeakerKind.Organisation)
                antecedents.Add((s, sequence));
            return s;
        }

        // "In a statement Howard said" in an article that named "opposition leader John Howard" only in passing: the one
        // person the article names in full with that surname, though never as a speaker. Without it the corpus-wide
        // table took him for the only Howard it had seen quoted (Michael Howard, the British minister). Not a name the
        // article also gives a body ("Deere" of "Deere and Co", "Volvo" of "AB Volvo"), nor an acronym. Read only when
        // needed: most bare names are of a speaker the article quoted in full.
        private Speaker? NamedInFull(string surname)
        {
            if (surname.Length > 1 && surname.All(c => !char.IsLower(c)))
                return null;
            namedInArticle ??= paragraphs.SelectMany(p => p.Named(this)).ToList();
            if (namedInArticle.Exists(s => s.Kind == SpeakerKind.Organisation && s.Name.Split(' ').Contains(surname, StringComparer.Ordinal)))
                return null;
            var people = namedInArticle.Where(s => s.Kind == SpeakerKind.Person && s.Name.EndsWith(" " + surname, StringComparison.Ordinal))
                .Select(s => s.Name).Distinct(StringComparer.Ordinal).Take(2).ToList();
            return people.Count == 1 ? new Speaker(people[0], SpeakerKind.Person, NamedInPassing: true) : null;
        }

        /// <summary>Whether the article writes this word in lower case somewhere ("together" for "Together"): an ordinary word.</summary>
        public bool IsWrittenInLowerCase(string word)
        {
            lowerCaseWords ??= paragraphs.SelectMany(p => p.Tokens).Where(t => t.IsWord && !t.IsCapitalised).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
            return lowerCaseWords.Contains(word.ToLowerInvariant());
        }

        /// <summary>How many names the article has remembered so far.</summary>
        public int Sequence => sequence;

        /// <summary>
        /// The people remembered after <paramref name="seq"/> were named inside a statement whose attribution comes after
        /// it ("Poehl … met Chancellor Willy Brandt …, bankers said"): no later "he" stands for them.
        /// </summary>
        public void NamedInStatementSince(int seq) => antecedents.RemoveAll(a => a.Seq > seq);

        /// <summary>A person spoke without a name ("an Inland division spokesman said").</summary>
        public void RememberUnnamedSpeaker() => unnamedSpeakerSequence = ++sequence;

        /// <summary>
        /// Who "he" or "she" stands for: the nearest speaker or actor before it not known to be of the other sex ("she"
        /// prefers one known to be a woman); no one after an unnamed speaker, whose "he said" it is.
        /// </summary>
        public Speaker? PersonFor(string pronoun)
        {
            var female = string.Equals(pronoun, "she", StringComparison.OrdinalIgnoreCase);
            var (other, same) = female ? (men, women) : (women, men);
            Speaker? found = null;
            for (var k = antecedents.Count - 1; k >= 0 && antecedents[k].Seq > unnamedSpeakerSequence; k--)
            {
                var name = antecedents[k].Speaker.Name;
                if (other.Contains(name))
                    continue;
                found ??= antecedents[k].Speaker;
                if (!female || same.Contains(name))
                {
                    found = antecedents[k].Speaker;
                    break;
                }
            }
            if (found is not null)
                same.Add(found.Name);
            return found;
        }

        public Speaker? LastBody => latestBody.Seq >= latestUnknown.Seq ? latestBody.Speaker : latestUnknown.Speaker;

        /// <summary>The body last remembered whose name has this word ("Department" → "Agriculture Department").</summary>
        public Speaker? LastBodyNamed(string word) =>
            bodies.LastOrDefault(b => b.Name.Split(' ').Contains(word, StringComparer.OrdinalIgnoreCase));

        /// <summary>Whether the article named a person by this word before ("Baker" after "James Baker" or "President Baker").</summary>
        public bool IsPerson(string word) =>
            people.Exists(p => p.Name == word || p.Name.EndsWith(" " + word, StringComparison.Ordinal));
    }

    private enum Role { Name, Title, Organisation, Place, Connector }

    /// <summary>The most lower-case words describing a name after an inverted verb ("said private market analyst X").</summary>
    private const int LongestDescription = 4;

    /// <summary>The most tokens between an attribution's verb and the comma that ends the statement before it ("…, a senior Bank of Japan official said").</summary>
    private const int LongestSubject = 8;

    /// <summary>The most tokens of a description between commas after a name ("Cointreau, founder and chairman of …, said").</summary>
    private const int LongestAppositive = 24;

    private sealed class Paragraph
    {
        private readonly SpeakerLexicon lexicon;
        private readonly bool[] inPlace;
        private readonly int[] chunkAt; // index into chunks, or -1
        private readonly List<(int Start, int End)> chunks = [];

        public Paragraph(IReadOnlyList<Token> tokens, SpeakerExtractor extractor)
        {
            Tokens = tokens;
            lexicon = extractor.lexicon;
            inPlace = new bool[tokens.Count];
            foreach (var m in extractor.regions.Mentions(tokens))
                for (var k = m.Start; k < m.End; k++)
                    inPlace[k] = true;
            chunkAt = Enumerable.Repeat(-1, tokens.Count).ToArray();
            FindChunks();
        }

        public IReadOnlyList<Token> Tokens { get; }

        /// <summary>The attributions <see cref="Speakers"/> found, in order.</summary>
        public List<Attribution> Attributions { get; } = [];

        // Speakers an attribution names that it is not given to ("Reagan and Baker said"), for the facet to list.
        private List<Speaker> SpeakersBesides { get; } = [];

        public List<SpeakerMention> Speakers(ArticleContext context)
        {
            var found = new List<SpeakerMention>();
            // Where the statement of the sentence's last attribution begins ("Lyng said the bill had the support of
            // President Reagan"), and whether a quotation is open: a name there is in passing, no antecedent of "he".
            var reportedFrom = -1;
            var quoted = false;
            var sentenceSequence = context.Sequence;
            // Returns the name as the paragraph's mentions hold it, null for no one.
            string? Add(Speaker? s, bool passing = false)
            {
                if (s is null) return null;
                var role = s.Role;
                s = context.Remember(s, antecedent: !passing);
                var mention = found.Find(m => string.Equals(m.Name, s.Name, StringComparison.OrdinalIgnoreCase));
                if (mention is null)
                    found.Add(mention = new SpeakerMention(s.Name, s.Kind, role ?? s.Role, s.NamedInPassing));
                return mention.Name;
            }
            void Attribute(int verbStart, int verbEnd, Speaker? s)
            {
                var statementFirst = StatementComesFirst(verbStart);
                if (!quoted && statementFirst == true)
                    context.NamedInStatementSince(sentenceSequence);
                if (Add(s) is { } name)
                    Attributions.Add(new Attribution(verbStart, verbEnd, name));
                // "China's top leader Deng Xiaoping said …, Ming Pao newspaper said": who opens the sentence speaking stays
                // the one a later "he" may stand for.
                if (statementFirst == false)
                    sentenceSequence = context.Sequence;
                reportedFrom = verbEnd;
            }

            for (var i = 0; i < Tokens.Count; i++)
            {
                if (TextTokens.IsSentenceStart(Tokens, i))
                {
                    reportedFrom = -1;
                    sentenceSequence = context.Sequence;
                }
                if (Tokens[i].Text is "“" or "”" or "\"")
                    quoted = Tokens[i].Text == "“" || (Tokens[i].Text == "\"" && !quoted);
                var passing = quoted || (reportedFrom >= 0 && i >= reportedFrom);
                // "Prime Minister Andreas Papandreou has withdrawn…", "President Reagan's move…": an office holder acts in the news.
                if (chunkAt[i] >= 0 && chunks[chunkAt[i]].Start == i && Interpret(chunks[chunkAt[i]], context) is { Titled: true } titled)
                {
                    Add(titled, passing);
                    // "Defense Secretary Caspar Weinberger ordered …, the Pentagon said. … He said": the sentence's subject
                    // is what its statement is about, and stays the one a later "he" may stand for, as does the speaker
                    // ("…, Prime Minister Zeid al-Rifa'i said").
                    if (TextTokens.IsSentenceStart(Tokens, i) || lexicon.AttributionVerbs.MatchAt(Tokens, chunks[chunkAt[i]].End) > 0)
                        sentenceSequence = context.Sequence;
                }
                if (!IsLowerWord(i))
                    continue;
                int k;
                if ((k = lexicon.AgentPhrases.MatchAt(Tokens, i)) > 0)
                    foreach (var s in Agents(i + k, context))
                        Add(s, passing);
                else if (Tokens[i].Text == "according" && i + 1 < Tokens.Count && Tokens[i + 1].Text == "to")
                    Attribute(i, i + 2, NounPhrase(i + 2, context));
                else if ((k = lexicon.AttributionVerbs.MatchAt(Tokens, i)) > 0)
                    Attribute(i, i + k, Subject(i, i + k, context));
                else if ((k = lexicon.ActionVerbs.MatchAt(Tokens, i)) > 0)
                {
                    Add(Subject(i, i + k, context), passing);
                    Add(ChunkSpeakerAt(SkipDeterminers(i + k), context), passing);
                }
                else if ((k = lexicon.NamedObjectVerbs.MatchAt(Tokens, i)) > 0)
                {
                    if (ChunkSpeakerAt(SkipDeterminers(i + k), context) is not { } met)
                        continue;
                    Add(Subject(i, i + k, context), passing);
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
                if (TextTokens.IsQuote(text) && !IsPossessive(k))
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
        private IEnumerable<Speaker?> Agents(int j, ArticleContext context)
        {
            while (true)
            {
                j = SkipDeterminers(j);
                if (j >= Tokens.Count || chunkAt[j] < 0)
                    yield break;
                var chunk = chunks[chunkAt[j]];
                yield return Interpret(chunk, context);
                j = chunk.End;
                if (j < Tokens.Count && Tokens[j].Text is "and" or ",")
                    j++;
                else
                    yield break;
            }
        }

        // Who a verb at [verbStart, verbEnd) is attributed to: before it ("the statement noted", "it added", "X, a minister, said"),
        // or after it when a quotation comes first ("…," said the statement).
        private Speaker? Subject(int verbStart, int verbEnd, ArticleContext context)
        {
            var j = verbStart - 1;
            while (j >= 0 && lexicon.VerbModifiers.Contains(Tokens[j].Text))
                j--;
            if (j < 0)
                return null;
            var before = Tokens[j].Text;
            if (before == "," && UnnamedBeforeRelativeClause(j))
            {
                context.RememberUnnamedSpeaker();
                return null;
            }
            if (TextTokens.IsQuote(before) || before == ",")
            {
                // "…, an official told Reuters": after "told" comes who listened, not who spoke.
                var listenerFollows = Tokens[verbStart].Text is "told" or "tells";
                if (!listenerFollows && InvertedSpeaker(verbEnd, context) is { } inverted)
                    return inverted;
                return before == "," ? Appositive(j, context) : null;
            }
            if (lexicon.PersonPronouns.Contains(before))
                return context.PersonFor(before);
            if (lexicon.BodyPronouns.Contains(before))
                return context.LastBody;
            var docLength = DocumentNounEndingAt(j);
            if (!Tokens[j].IsCapitalised && lexicon.UnnamedPersonNouns.Contains(before))
                context.RememberUnnamedSpeaker(); // "one trader said", "a Bank of England spokesman said"
            if (docLength > 0 || lexicon.RoleNouns.Contains(before))
            {
                var head = j - Math.Max(docLength, 1);
                // "a Foreign Office statement said", "Exxon officials said"; not "Congressional sources said", whom no
                // name names, nor "CAC and Westpac officials said", several bodies' people.
                if (head >= 0 && chunkAt[head] >= 0 && chunks[chunkAt[head]].End == head + 1)
                {
                    var named = chunks[chunkAt[head]];
                    if (named.End - named.Start == 1 && (lexicon.AdjectivesBeforeRoleNouns.Contains(Tokens[head].Text)
                        || (IsShapedLikeAdjective(Tokens[head].Text) && context.LastBodyNamed(Tokens[head].Text) is null)))
                    {
                        context.RememberUnnamedSpeaker();
                        return null;
                    }
                    return ChunkBefore(named.Start) is null ? Interpret(named, context) : null;
                }
                if (docLength > 0)
                    return context.Issuer ?? context.LastBody;
                // "The company said": the body last quoted, as "it said" is; "a company said" is no one in particular.
                return head >= 0 && string.Equals(Tokens[head].Text, "the", StringComparison.OrdinalIgnoreCase)
                    && lexicon.BodyReferenceNouns.Contains(before) ? context.LastBody : null;
            }
            // "The department said": the body last quoted with that word in its name ("Agriculture Department").
            if (!Tokens[j].IsCapitalised && lexicon.OrganisationWords.Contains(before) && j > 0
                && string.Equals(Tokens[j - 1].Text, "the", StringComparison.OrdinalIgnoreCase))
                return context.LastBodyNamed(before);
            if (chunkAt[j] < 0 || chunks[chunkAt[j]].End != j + 1)
                return null;
            // "Economists polled by Reuters said": a name after a preposition is not who speaks.
            var chunk = chunks[chunkAt[j]];
            if (chunk.Start > 0 && lexicon.ObjectPrepositions.Contains(Tokens[chunk.Start - 1].Text))
                return null;
            var first = ChunkBefore(chunk.Start);
            // "an official of the Council for Economic Planning and Development told Reuters": the body speaks for its
            // unnamed official, whose the next "he said" is.
            var start = SkipDeterminersBackward(first?.Start ?? chunk.Start);
            if (start > 1 && Tokens[start - 1].Text is "of" or "for" or "at"
                && lexicon.UnnamedPersonNouns.Contains(Tokens[start - 2].Text) && !Tokens[start - 2].IsCapitalised)
                context.RememberUnnamedSpeaker();
            return first is { } andBefore ? Joined(andBefore, chunk, context) : Interpret(chunk, context);
        }

        // "Conservative sources", "Reliable sources", "Local officials": a lone capitalised word with an adjective's ending
        // describes unnamed speakers, unless the article quoted a body by it ("Continental" of Continental Airlines).
        private static bool IsShapedLikeAdjective(string word) =>
            word.Length > 4 && word.Skip(1).All(char.IsLower) && AdjectiveEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

        private static readonly string[] AdjectiveEndings = ["ive", "able", "ible", "al", "ous", "ic"];

        // A one-word name the article gives a person elsewhere ("Baker" of "James Baker" or "Secretary Baker"); in
        // "Harper and Row" and "Duff and Phelps", no word ends a longer name.
        private bool NamesSomeone((int Start, int End) chunk, ArticleContext context)
        {
            var word = Tokens[chunk.Start].Text;
            return chunk.End - chunk.Start == 1 && (context.IsPerson(word) || context.NameEnds.Contains(word));
        }

        // The name before "and" when the chunk at <paramref name="chunkStart"/> follows one: "Harper and Row said".
        private (int Start, int End)? ChunkBefore(int chunkStart) =>
            chunkStart > 1 && Tokens[chunkStart - 1].Text == "and" && chunkAt[chunkStart - 2] >= 0
                ? chunks[chunkAt[chunkStart - 2]]
                : null;

        // "Harper and Row said", "Bausch and Lomb said", "Council for Economic Planning and Development told": one
        // body's name, unless either half is a person or a whole body's name ("Reagan and Baker said", "Exxon Corp and
        // Mobil Corp said"): several speakers, no one's statement.
        private Speaker? Joined((int Start, int End) first, (int Start, int End) second, ArticleContext context)
        {
            var (one, other) = (Interpret(first, context), Interpret(second, context));
            // "Exxon Corp and Mobil Corp said", "Britain and Exxon said": two names, each whole; each speaks in the
            // paragraph, neither alone.
            if (one is null || other is null || one.Kind == SpeakerKind.Person || other.Kind == SpeakerKind.Person
                || lexicon.CompanySuffixes.Contains(Tokens[first.End - 1].Text)
                || NamesSomeone(first, context) || NamesSomeone(second, context))
            {
                SpeakersBesides.AddRange(new[] { one, other }.OfType<Speaker>());
                return null;
            }
            return Interpret((first.Start, second.End), context) is { } whole ? whole with { Kind = SpeakerKind.Organisation } : null;
        }

        // Who an inverted attribution names: "…, said the Securities and Exchange Commission", "…, said Amoco's Collier"
        // (the name after its owner). A verb or a possessive with no name after the name begins what was said instead:
        // "John Dingell, D-Mich, said the Securities and Exchange Commission should…", "Labatt, 38 pct-owned by Brascan
        // Ltd, said Brascan's 49 pct-owned unit agreed…".
        private Speaker? InvertedSpeaker(int j, ArticleContext context)
        {
            var start = SkipDeterminers(j);
            if (DescribedName(start) is { } described)
                return Interpret(chunks[chunkAt[described]], context);
            if (NameAfterFirm(start) is { } analyst)
                return Interpret(chunks[chunkAt[analyst]], context);
            if (start < Tokens.Count && chunkAt[start] >= 0)
            {
                var end = chunks[chunkAt[start]].End;
                if (IsPossessive(end))
                    return ChunkSpeakerAt(end + 2, context);
                if (lexicon.ClauseVerbs.MatchAt(Tokens, end) > 0)
                    return null;
            }
            return NounPhrase(j, context);
        }

        // "…," said private market analyst Edouard Cointreau: a few lower-case words ending in a person noun, then the
        // name they describe; the index of the name's first word, or null.
        private int? DescribedName(int start)
        {
            var k = start;
            while (k < Tokens.Count && k - start < LongestDescription && IsLowerWord(k))
                k++;
            return k > start && k < Tokens.Count && lexicon.UnnamedPersonNouns.Contains(Tokens[k - 1].Text)
                   && chunkAt[k] >= 0 && chunks[chunkAt[k]].Start == k ? k : null;
        }

        // "…," said Barclays de Zoete Wedd analyst Rick May / said Donaldson, Lufkin and Jenrette Inc analyst William
        // Marcus / said Federal National Mortgage Association chairman David Maxwell: a firm's name (commas and "and"
        // allowed in it), a lower-case person noun or office, then the person's name,
        // which ends the sentence; the index of the name's first word, or null.
        private int? NameAfterFirm(int start)
        {
            var k = start;
            while (k < Tokens.Count && k - start < LongestAppositive && (chunkAt[k] >= 0 || Tokens[k].Text is "," or "and"))
                k = chunkAt[k] >= 0 ? chunks[chunkAt[k]].End : k + 1;
            // "analyst", "chairman", "vice president", "chief executive officer": lower-case, so no part of the firm's name.
            var description = k;
            while (k < Tokens.Count && k - description < LongestDescription && !Tokens[k].IsCapitalised
                   && (lexicon.UnnamedPersonNouns.Contains(Tokens[k].Text) || lexicon.PersonTitles.Contains(Tokens[k].Text)))
                k++;
            if (description == start || k == description || k >= Tokens.Count)
                return null;
            var name = k;
            if (chunkAt[name] < 0 || chunks[chunkAt[name]].Start != name)
                return null;
            var end = chunks[chunkAt[name]].End;
            return end >= Tokens.Count || Tokens[end].Text is "." or "," or ";" ? name : null;
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
        private Speaker? Appositive(int closingComma, ArticleContext context)
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
                return end >= 0 && chunkAt[end] >= 0 && chunks[chunkAt[end]].End == k ? Interpret(chunks[chunkAt[end]], context) : null;
            }
            return null;
        }

        // A noun phrase naming a speaker: "the statement", "a statement of the Foreign Office", "Foreign Minister X", "it".
        private Speaker? NounPhrase(int j, ArticleContext context)
        {
            j = SkipDeterminers(j);
            if (j >= Tokens.Count)
                return null;
            if (lexicon.PersonPronouns.Contains(Tokens[j].Text))
                return context.PersonFor(Tokens[j].Text);
            if (lexicon.BodyPronouns.Contains(Tokens[j].Text))
                return context.LastBody;
            if (chunkAt[j] >= 0)
                return Interpret(chunks[chunkAt[j]], context);
            if (!Tokens[j].IsCapitalised && lexicon.UnnamedPersonNouns.Contains(Tokens[j].Text))
                context.RememberUnnamedSpeaker(); // "…, said the analyst who requested anonymity"
            var doc = lexicon.DocumentNouns.MatchAt(Tokens, j);
            var role = doc == 0 && lexicon.RoleNouns.Contains(Tokens[j].Text) ? 1 : 0;
            if (doc + role == 0)
                return null;
            var after = j + doc + role;
            // "a document issued by the PMDB": the agent of the document is its owner.
            var agent = doc > 0 ? lexicon.AgentPhrases.MatchAt(Tokens, after) : 0;
            if (agent > 0 || (after < Tokens.Count && Tokens[after].Text is "of" or "from" or "by" or "for"))
            {
                var owner = ChunkSpeakerAt(SkipDeterminers(after + Math.Max(agent, 1)), context);
                if (doc > 0 && owner?.Kind == SpeakerKind.Organisation)
                    context.Issuer = owner;
                if (owner is not null)
                    return owner;
            }
            return doc > 0 ? context.Issuer ?? context.LastBody : null;
        }

        /// <summary>
        /// The bodies the paragraph names, and the people it names with a first name and a surname of name-shaped words
        /// ("John Howard", "J. Howard Macdonald"; not "A320 Airbus", "N.V. Philips", "Soviet-led Comecon" nor, opening a
        /// sentence, a word the article also writes in lower case, "Together Siemens"), speaker or not.
        /// </summary>
        public IEnumerable<Speaker> Named(ArticleContext context)
        {
            foreach (var chunk in chunks)
            {
                if (Interpret(chunk, context) is not { } named)
                    continue;
                if (named.Kind == SpeakerKind.Organisation)
                    yield return named;
                else if (named.Kind == SpeakerKind.Person && named.Name.Split(' ') is { Length: > 1 } words && words.All(IsNameWord)
                    && words[..^1].Any(w => w.Length > 1 && !w.Contains('.'))
                    && !lexicon.OrganisationWords.Contains(words[0]) && !lexicon.CompanySuffixes.Contains(words[^1])
                    && !(words[0] == Tokens[chunk.Start].Text && TextTokens.IsSentenceStart(Tokens, chunk.Start) && context.IsWrittenInLowerCase(words[0])))
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

        private Speaker? ChunkSpeakerAt(int j, ArticleContext context) =>
            j < Tokens.Count && chunkAt[j] >= 0 && chunks[chunkAt[j]].Start == j ? Interpret(chunks[chunkAt[j]], context) : null;

        /// <summary>
        /// Reads a capitalised sequence: a title or place followed by a name is a person with the title stripped
        /// ("Deputy Minister of Foreign Affairs of Russia Oleg V Syromolotov" → "Oleg V Syromolotov"); a sequence headed by an
        /// organisation word is a body ("Foreign Office", "Bank of England"); a bare title ("the Foreign Minister") or a
        /// place is no speaker.
        /// </summary>
        private Speaker? Interpret((int Start, int End) chunk, ArticleContext context)
        {
            var words = Enumerable.Range(chunk.Start, chunk.End - chunk.Start).Where(i => Tokens[i].Text is not ("." or "," or "/")).ToList();
            var roles = words.ToDictionary(i => i, RoleOf);
            for (var n = 0; n < words.Count; n++)
            {
                var title = lexicon.PersonTitles.MatchAt(Tokens, words[n]);
                for (var k = 1; k < title && n + k < words.Count; k++)
                    roles[words[n + k]] = Role.Title;
            }
            // "Sheikh Zaid bin Sultan al-Nahayan": a title after a name particle is a father's name.
            for (var n = 1; n < words.Count; n++)
                if (roles[words[n]] == Role.Title && roles[words[n - 1]] == Role.Connector && lexicon.NameParticles.Contains(Tokens[words[n - 1]].Text))
                    roles[words[n]] = Role.Name;
            for (var n = 0; n < words.Count; n++)
                if (roles[words[n]] == Role.Title && lexicon.TitlesAlsoNames.Contains(Tokens[words[n]].Text)
                    && ((n > 0 && roles[words[n - 1]] == Role.Name)
                        || (n + 2 < words.Count && roles[words[n + 1]] == Role.Name && roles[words[n + 2]] == Role.Name)))
                    roles[words[n]] = Role.Name;
            // A place is no speaker; nor is a lone initial ("I", "P"), nor the tail of a company name cut at "and" ("Co Inc").
            if (roles.Values.All(r => r is Role.Place or Role.Connector)
                || (words.Count == 1 && Tokens[words[0]].IsInitial)
                || lexicon.CompanySuffixes.Contains(Tokens[words[0]].Text))
                return null;

            if (Affiliated(words, roles) is { } affiliated)
                return affiliated;
            var nameStart = words.Count;
            while (nameStart > 0 && roles[words[nameStart - 1]] == Role.Name)
                nameStart--;
            // "Vice Chairman Gerard van Schaik": a particle inside the surname of a person named with an office.
            while (nameStart > 1 && nameStart < words.Count && roles[words[nameStart - 1]] == Role.Connector
                   && lexicon.NameParticles.Contains(Tokens[words[nameStart - 1]].Text) && roles[words[nameStart - 2]] == Role.Name
                   && words.Take(nameStart - 1).Any(i => roles[i] == Role.Title))
            {
                nameStart -= 2;
                while (nameStart > 0 && roles[words[nameStart - 1]] == Role.Name)
                    nameStart--;
            }
            if (nameStart < words.Count)
            {
                var name = Text(words[nameStart], chunk.End);
                if (nameStart == 0)
                {
                    if (words.Count > 1)
                        return new Speaker(name, SpeakerKind.Person);
                    // A lone capitalised word opening a sentence may be an ordinary word ("Analysts said").
                    var atSentenceStart = TextTokens.IsSentenceStart(Tokens, words[0]);
                    return atSentenceStart && !context.ProperNouns.Contains(Tokens[words[0]].Text) ? null : new Speaker(name, SpeakerKind.Unknown);
                }
                // "President Reagan", "… of Russia Oleg V Syromolotov" are people; "China Daily", "Bank of Boston" are bodies.
                var before = roles[words[nameStart - 1]];
                var isPerson = before == Role.Title || (before == Role.Place && words.Count - nameStart > 1);
                if (!isPerson)
                    return new Speaker(Text(words[0], chunk.End), SpeakerKind.Organisation);
                // "Treasury Secretary James Baker": the office is what the article says the person is.
                var titled = words.Take(nameStart).Any(i => roles[i] == Role.Title);
                return new Speaker(name, SpeakerKind.Person, Titled: before == Role.Title, Role: titled ? Text(words[0], words[nameStart]) : null);
            }

            // No trailing name: the head word of the first segment ("Minister" of "Deputy Minister of …") decides.
            var segmentEnd = words.FindIndex(i => roles[i] == Role.Connector);
            var head = words[(segmentEnd < 0 ? words.Count : segmentEnd) - 1];
            if (roles[head] is Role.Title or Role.Place)
                return null;
            // A lone "Bank", "Commission" or "Ministry" is the tail of a name cut short, not a body one can filter by.
            if (words.Count == 1 && roles[head] == Role.Organisation && !lexicon.StandaloneBodies.Contains(Tokens[head].Text))
                return null;
            if (words.Count == 1 && TextTokens.IsSentenceStart(Tokens, words[0]) && !context.ProperNouns.Contains(Tokens[words[0]].Text))
                return null;
            return new Speaker(Text(words[0], chunk.End), SpeakerKind.Organisation);
        }

        // "Bijan Moussavar-Rahmani of Harvard University's Energy and Environment Policy Center", "Julius Maldutis of
        // Salomon Brothers Inc", "Martin Bachem of Morgan Guaranty", "Greenstein of Bear Stearns": a person's name, then the
        // body they speak for, which is their role and no part of the name. Not "Bank of England" (an organisation word
        // first) nor "Ford Motor Co of Canada" (a company first). A place after "of" makes a person of a full name only
        // ("Governor Robert Orr of Indiana", "Ahmed Farouk of Malaysia"; "Volkswagen of America" is a company).
        private Speaker? Affiliated(List<int> words, Dictionary<int, Role> roles)
        {
            var of = words.FindIndex(i => Tokens[i].Text == "of");
            if (of < 1 || of == words.Count - 1)
                return null;
            // "Analyst Edward Johnson of …": a title before the name is no part of it.
            var person = words.Take(of).SkipWhile(i => roles[i] == Role.Title).ToList();
            if (person.Count == 0)
                return null;
            var body = words.Skip(of + 1).ToList();
            // A name may hold a particle ("Robert di Clemente"), not a joiner of a body's words ("for", "the", "&").
            var isName = person.All(i => (roles[i] == Role.Name && !lexicon.CompanySuffixes.Contains(Tokens[i].Text))
                                         || (roles[i] == Role.Connector && Tokens[i].Text is not ("for" or "on" or "the" or "&")))
                         && roles[person[0]] == Role.Name && roles[person[^1]] == Role.Name;
            if (!isName)
                return null;
            var role = Text(body[0], body[^1] + 1);
            if (body.Any(i => roles[i] == Role.Organisation || lexicon.CompanySuffixes.Contains(Tokens[i].Text)))
                return person.Count > 1 ? new Speaker(Text(person[0], words[of]), SpeakerKind.Person, Role: role) : null;
            if (body.All(i => roles[i] is Role.Place or Role.Connector))
                return person.Count > 1 ? new Speaker(Text(person[0], words[of]), SpeakerKind.Person, Role: role) : null;
            // A firm named without an organisation word ("Morgan Guaranty", "L.F. Rothschild", "the GAO"): a bare
            // surname before it is resolved as any bare name is ("Eisenberg" → the article's Steven Eisenberg).
            return new Speaker(Text(person[0], words[of]), person.Count > 1 ? SpeakerKind.Person : SpeakerKind.Unknown, Role: role);
        }

        private Role RoleOf(int i)
        {
            var t = Tokens[i];
            if (inPlace[i]) return Role.Place;
            if (!t.IsCapitalised && lexicon.Connectors.Contains(t.Text)) return Role.Connector;
            if (lexicon.PersonTitles.Contains(t.Text)) return Role.Title;
            if (lexicon.OrganisationWords.Contains(t.Text)) return Role.Organisation;
            return Role.Name;
        }

        // Canonical form: words joined by spaces, periods after initials dropped ("Oleg V. Syromolotov" → "Oleg V Syromolotov"),
        // a partnership's commas too ("Goldman Sachs and Co"), a possessive and a slash kept on their words ("Moody's", "MGM/UA").
        private string Text(int first, int end)
        {
            var text = new System.Text.StringBuilder();
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

        // Maximal runs of capitalised words and initials, joined by "of", "for", "the": "Ministry of Foreign Affairs of Pakistan Nabeel Munir".
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
                chunks.Add((i, end));
                for (var k = i; k < end; k++)
                    chunkAt[k] = chunks.Count - 1;
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

        // "'" then "s", written against the word before: "Moody's".
        private bool IsPossessive(int i) =>
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
            && !lexicon.PersonPronouns.Contains(Tokens[i].Text) && !lexicon.BodyPronouns.Contains(Tokens[i].Text)
            && !lexicon.OtherPronouns.Contains(Tokens[i].Text) && !IsPronounContraction(Tokens[i].Text);

        // "I've", "We're": a pronoun with its verb, no name.
        private bool IsPronounContraction(string word)
        {
            var apostrophe = word.IndexOfAny(['\'', '’']);
            return apostrophe > 0 && word[..apostrophe] is var pronoun
                && (lexicon.OtherPronouns.Contains(pronoun) || lexicon.PersonPronouns.Contains(pronoun) || lexicon.BodyPronouns.Contains(pronoun));
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
}
