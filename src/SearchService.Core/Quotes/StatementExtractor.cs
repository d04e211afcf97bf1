using SearchService.Core.Facets;
using static SearchService.Core.Quotes.StatementTokens;

namespace SearchService.Core.Quotes;

/// <summary>
/// Cuts the statements out of a paragraph at the attributions the speaker rules found (<see cref="SpeakerExtractor.Read"/>):
/// what comes after the verb ("X said that …", "X said: “…”", "X denied …"), or, when the attribution ends its sentence,
/// what comes before it ("“…,” said the statement", "…, the Foreign Office said", "…, according to a statement of the
/// Foreign Office"), a direct quote from its opening mark even across sentences. Only attributions with a reporting verb
/// (<see cref="ReportingVerbs"/>) and a speaker make statements. Stateless, so one instance serves many threads.
/// </summary>
public sealed class StatementExtractor(ReportingVerbs verbs, SpeakerLexicon lexicon)
{
    /// <summary>Fewer words than this are no statement ("…, he said." of a cut sentence; "X denied it").</summary>
    private const int MinimumWords = 3;

    /// <summary>The most words an attribution may take after its verb and still end the sentence ("said the Foreign Office spokesman on Monday").</summary>
    private const int LongestAttributionTail = 8;

    /// <summary>The most words of a subject before its verb in an attribution ending a sentence ("…, an official of the Council for Economic Planning and Development told Reuters").</summary>
    private const int LongestSubject = 12;

    /// <summary>The most tokens of a description between a speaker's name and the verb ("…, Arango, president of the exporters' association, told").</summary>
    private const int LongestAppositive = 24;

    /// <summary>The most tokens of a second attribution's subject after a comma inside a statement ("…, the company's spokesman said").</summary>
    private const int LongestSubjectBetweenCommas = 6;

    /// <summary>How far after the verb a "that" may begin the reported clause ("said on Monday in a statement that").</summary>
    private const int ThatWithin = 6;

    /// <summary>The most words of an opening before an attribution set off by commas mid-sentence ("In a filing with the Federal Energy Regulatory Commission, Trunkline said, it is …").</summary>
    private const int LongestOpening = 10;

    // Nouns that end who was told ("told a news conference", "told the committee", "told Reuters").
    private static readonly HashSet<string> ListenerNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "reporters", "journalists", "newsmen", "correspondents", "conference", "meeting", "committee", "hearing",
        "newspaper", "paper", "radio", "television", "agency", "interviewer", "audience", "seminar", "symposium", "session",
        "forum", "briefing", "panel", "parliament", "congress", "delegates", "analysts", "investors", "shareholders",
        "subcommittee", "convention", "gathering", "lawmakers", "legislators", "lunch", "luncheon", "dinner", "breakfast",
        "club", "group", "assembly", "rally", "students",
    };

    // "Asked whether regulators might object, Charles Sporck, president of …, told Reuters …": a sentence opening
    // with one of these tells how the speaker came to speak, and what was said follows the verb.
    private static readonly HashSet<string> ParticipleOpenings = new(StringComparer.Ordinal)
    {
        "Asked", "Questioned", "Pressed", "Speaking", "Commenting", "Referring", "Turning", "Responding", "Replying",
    };

    // When something was said, right after the verb ("said yesterday the fall in share prices …").
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tonight", "earlier", "later", "recently", "late", "previously", "soon",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    // "said last week", "told reporters this morning".
    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal)
    {
        "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening",
    };

    // What a statement is made in ("said in a statement", "in its annual report", "in an interview").
    private static readonly HashSet<string> Media = new(StringComparer.OrdinalIgnoreCase)
    {
        "statement", "release", "communique", "report", "letter", "filing", "announcement", "notice", "circular", "interview",
        "speech", "address", "commentary", "editorial", "article", "review", "testimony", "prospectus", "broadcast", "message",
        "bulletin", "newsletter", "memorandum", "telex", "cable", "proxy",
    };

    // After the verb, these begin where or when something was said, not what ("told reporters after a hearing").
    private static readonly HashSet<string> CircumstancePrepositions = new(StringComparer.Ordinal)
    {
        "after", "at", "in", "during", "before", "on", "following", "when", "while",
    };

    // After "X said," these go on with what came before the attribution ("designed, Texas Instruments said, for use
    // with …") or add to it ("…, Li said, noting …"), rather than begin the sentence's main clause.
    private static readonly HashSet<string> ContinuingWords = new(StringComparer.Ordinal)
    {
        "although", "though", "but", "and", "or", "nor", "while", "whereas", "because", "since", "as", "which", "who",
        "whom", "whose", "so", "if", "unless", "for", "with", "without", "to", "from", "of", "by", "than", "then", "after",
        "at", "in", "during", "before", "on", "following", "when", "into", "over", "under", "against", "about", "despite",
    };

    // An opening of where, when or why, which a main clause follows ("In two trials, Merrell said, verdicts were …"),
    // unlike a subject the attribution interrupts ("Refiners, he said, appeared to …").
    private static readonly HashSet<string> CircumstanceOpenings = new(StringComparer.Ordinal)
    {
        "In", "On", "Upon", "At", "As", "After", "Before", "Because", "Following", "For", "From", "Under", "With", "Without",
        "Despite", "During", "Since", "To", "By", "Instead", "Besides", "However", "Meanwhile", "Overall", "Separately",
    };

    // A reporting verb after one of these is passive ("was reported in the market"): no one is reported as saying anything.
    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "being" };

    public ReportingVerbs Verbs => verbs;

    /// <summary>The statements of paragraph number <paramref name="paragraph"/>, in the order of their attributions, each span once.</summary>
    /// <returns>Statements with the speaker as the attribution names it and no regions or topics yet.</returns>
    public IReadOnlyList<Statement> Extract(int paragraph, string text, IReadOnlyList<Token> tokens, IReadOnlyList<Attribution> attributions)
    {
        var found = new List<Statement>();
        if (attributions.Count == 0)
            return found;
        var nearby = new ParagraphAttributions(attributions);
        // Each attribution's verb, span and whether it ends its own clause are read once: the rules below ask them of
        // the attributions inside other statements too.
        var verbOf = new string?[attributions.Count];
        var spanOf = new (int First, int Last)?[attributions.Count];
        for (var i = 0; i < attributions.Count; i++)
        {
            verbOf[i] = verbs.Of(tokens, attributions[i].VerbStart, attributions[i].VerbEnd);
            spanOf[i] = verbOf[i] is null ? null : Span(tokens, attributions[i]);
        }
        var endsOwnClause = new bool?[attributions.Count];
        bool EndsOwnClause(int i) => endsOwnClause[i] ??= EndsSentence(tokens, attributions[i].VerbEnd, SentenceEnd(tokens, attributions[i].VerbEnd),
            subjectFollows: false, objectMayFollow: IsTold(tokens, attributions[i]));
        var spansFound = new HashSet<(int, int)>();
        for (var i = 0; i < attributions.Count; i++)
        {
            var attribution = attributions[i];
            if (verbOf[i] is not { } verb || spanOf[i] is not var (first, whole))
                continue;
            var last = UntilNextAttribution(tokens, first, whole, nearby, EndsOwnClause);
            var start = tokens[first].Start;
            var end = tokens[last].End;
            if (Words(tokens, first, last) < MinimumWords || spansFound.Contains((start, end)))
                continue;
            // "Gardini said it was not …, he added.", "Integrated said the system is capable of …, the company said.": a
            // statement before its attribution that holds the same speaker's attribution with a statement of its own is
            // that one's ("Mousavi said Iran had …, Tehran Radio reported." stays the radio's).
            if (last < attribution.VerbStart && nearby.Within(first, last).Exists(other =>
                    string.Equals(attributions[other].Speaker, attribution.Speaker, StringComparison.Ordinal)
                    && spanOf[other] is var (after, _) && after > attributions[other].VerbStart))
                continue;
            spansFound.Add((start, end));
            found.Add(new Statement(paragraph, start, end, text[start..end], attribution.Speaker, verb, [], []));
        }
        return found;
    }

    // "The company said both transactions are subject to approval …, it said.", "The NYSE told Philips it met conditions
    // for a big board listing, Philips said, adding …": a second attribution after a comma that ends its own clause ends
    // the statement (not "…, he told the American people he did not …"); the last token before that comma, or
    // <paramref name="last"/>.
    private int UntilNextAttribution(IReadOnlyList<Token> t, int first, int last, ParagraphAttributions attributions, Func<int, bool> endsOwnClause)
    {
        foreach (var index in attributions.Within(first, last))
        {
            var other = attributions[index];
            var k = other.VerbStart - 1;
            while (k > first && lexicon.VerbModifiers.Contains(t[k].Text))
                k--;
            var subjectEnd = k;
            // The subject a comma opens: a name, a pronoun or a determiner first ("a CFTC spokesman", "the company"),
            // no conjunction or relative word in it ("…, and as long as Pre-Paid maintained …" goes on with the statement).
            while (k > first && subjectEnd - k < LongestSubjectBetweenCommas && (t[k].IsWord || t[k].Text == "'") && !ContinuingWords.Contains(t[k].Text))
                k--;
            var opener = t[k + 1];
            // "…, but he added, “…”": a second statement joined on.
            if (k > first && t[k].Text is "but" or "and" && t[k - 1].Text == ",")
                k--;
            // "…, which, it said, was subject to …": an attribution set off inside the statement's clause.
            if (k > first && k < subjectEnd && t[k].Text == "," && !ContinuingWords.Contains(t[k - 1].Text)
                && (opener.IsCapitalised || lexicon.Determiners.Contains(opener.Text) || lexicon.PersonPronouns.Contains(opener.Text) || lexicon.BodyPronouns.Contains(opener.Text))
                && endsOwnClause(index)
                && Trimmed(t, first, k - 1) is (_, var end) && Words(t, first, end) >= MinimumWords)
                return end;
        }
        return last;
    }

    // The first and last token of the statement, or null when there is none.
    private (int First, int Last)? Span(IReadOnlyList<Token> t, Attribution a)
    {
        var sentenceStart = SentenceStart(t, a.VerbStart);
        var sentenceEnd = SentenceEnd(t, a.VerbEnd);
        if (t[a.VerbStart].Text == "according")
        {
            // "According to the statement, …": what follows the comma.
            if (a.VerbStart == sentenceStart)
            {
                var comma = Find(t, a.VerbEnd, sentenceEnd, ",");
                return comma < 0 ? null : Trimmed(t, comma + 1, sentenceEnd - 1);
            }
            return a.VerbStart - 1 > sentenceStart && IsCommaOrQuote(t[a.VerbStart - 1]) ? Before(t, a.VerbStart - 1, sentenceStart) : null;
        }

        if (a.VerbStart > 0 && BeForms.Contains(t[a.VerbStart - 1].Text))
            return null;
        var before = a.VerbStart - 1;
        while (before >= sentenceStart && lexicon.VerbModifiers.Contains(t[before].Text))
            before--;
        if (before < sentenceStart)
            return null;
        // "…, Gilberto Arango, president of the exporters' association, told Reuters.": what comes before the name.
        // "Justo Marin Ludena, president of …, told Reuters a harvest …": the name opens the sentence, so what was said follows.
        if (t[before].Text == "," && (t[a.VerbStart].Text is "told" or "tells" || TailIsEmpty(t, a.VerbEnd, sentenceEnd))
            && !ParticipleOpenings.Contains(t[sentenceStart].Text)
            && AppositiveName(t, before, sentenceStart) is var name and >= 0)
            return name == sentenceStart ? Forward(t, a, sentenceEnd) : Before(t, name - 1, sentenceStart);
        // "“…,” said the statement", "…, said Exxon's Collier"; not "Smith, the chairman, said profits rose".
        if (IsCommaOrQuote(t[before]))
            return before > sentenceStart && EndsSentence(t, a.VerbEnd, sentenceEnd, subjectFollows: true)
                ? Before(t, before, sentenceStart)
                : Forward(t, a, sentenceEnd);
        if (InRelativeClause(t, before, sentenceStart))
            return null;
        // "…, the statement noted.", "“…,” it added."
        var subjectStart = before;
        while (subjectStart > sentenceStart && before - subjectStart < LongestSubject && !IsCommaOrQuote(t[subjectStart - 1]))
            subjectStart--;
        var tail = IsTold(t, a) ? AfterListener(t, a.VerbEnd, sentenceEnd) : a.VerbEnd;
        // "Speaking by telephone from Sao Paulo, Peres said, “…”": how the speaker came to speak; what was said follows.
        if (subjectStart - 1 > sentenceStart && IsCommaOrQuote(t[subjectStart - 1]) && !OpenedByParticiple(t, sentenceStart, tail, sentenceEnd)
            && EndsSentence(t, tail, sentenceEnd, subjectFollows: false, objectMayFollow: IsTold(t, a) || IsQuote(t[subjectStart - 1])))
            return MainClauseAfter(t, subjectStart - 1, tail, sentenceStart, sentenceEnd) ?? Before(t, subjectStart - 1, sentenceStart);

        return Forward(t, a, sentenceEnd);
    }

    private static bool IsTold(IReadOnlyList<Token> t, Attribution a) => t[a.VerbStart].Text is "told" or "tells";

    private static bool SaysWhereOrWhen(Token first)
    {
        var word = first.Text;
        return !first.IsWord || CircumstancePrepositions.Contains(word) || ContinuingWords.Contains(word) || TimeWords.Contains(word) || Weekdays.Contains(word)
               || word is "last" or "this" or "next" or "here" or "there"
               || (!first.IsCapitalised && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal)));
    }

    // Whether the attribution is the end of its sentence: after the verb at most a few words (the speaker, "on Monday",
    // "told reporters") to the sentence's end or a comma, and no clause of what was said ("said the SEC should …").
    private bool EndsSentence(IReadOnlyList<Token> t, int from, int sentenceEnd, bool subjectFollows, bool objectMayFollow = false)
    {
        var end = Find(t, from, sentenceEnd, ",");
        if (end < 0)
            end = sentenceEnd;
        // "…," Baldrige told reporters after a Senate Banking Committee hearing on export controls: where or when it
        // was said, however long.
        var circumstance = !subjectFollows && from < end && CircumstancePrepositions.Contains(t[from].Text);
        if (end - from > LongestAttributionTail && !circumstance)
            return false;
        // "said Barclays de Zoete Wedd analyst Rick May": a capitalised "May" is a name, not a verb.
        for (var i = from; i < end; i++)
            if (t[i].Text == "that" || IsQuote(t[i]) || (!t[i].IsCapitalised && lexicon.ClauseVerbs.Contains(t[i].Text)))
                return false;
        if (from == end)
            return !subjectFollows;
        // "On a comparable store basis, it said sales declined 4.9 pct": after an attribution that ends its sentence
        // comes where, when or how it was said ("said in a statement", "said yesterday", "said here", "said, citing"),
        // not a clause's subject. After "told" the listener's last words may still be there ("told a local radio
        // station"), and after a quotation who was addressed ("“…,” Miller urged the Republicans").
        if (!subjectFollows)
            return objectMayFollow || SaysWhereOrWhen(t[from]);
        var first = t[from];
        return first.IsCapitalised || lexicon.Determiners.Contains(first.Text) || lexicon.PersonPronouns.Contains(first.Text)
               || lexicon.BodyPronouns.Contains(first.Text);
    }

    // "Cassoni pointed to several recent sales that he said proved …", "which IBM said is …": an attribution whose
    // subject (a pronoun or a name ending at <paramref name="subjectEnd"/>) opens a relative clause reports no
    // statement of its own; "said that Jones said …" is a statement reported by another, and stays.
    private bool InRelativeClause(IReadOnlyList<Token> t, int subjectEnd, int sentenceStart)
    {
        var k = subjectEnd;
        if (lexicon.IsPronoun(t[k].Text))
            k--;
        else
            while (k >= sentenceStart && (t[k].IsCapitalised || (t[k].Text == "." && k > 0 && t[k - 1].IsInitial)))
                k--;
        if (k < sentenceStart || k == subjectEnd)
            return false;
        return t[k].Text is "which" or "whom" or "what"
               || (t[k].Text == "that" && k > sentenceStart && t[k - 1].IsWord && verbs.Of(t[k - 1].Text) is null);
    }

    // "In a filing with the Federal Energy Regulatory Commission, Trunkline said, it is reducing its commodity rate …":
    // an attribution set off by commas after a short opening; the main clause after it is what was said. Null when
    // the attribution ends the sentence, what follows goes on with the words before it, or they are its subject.
    private (int, int)? MainClauseAfter(IReadOnlyList<Token> t, int comma, int tail, int sentenceStart, int sentenceEnd)
    {
        if (t[comma].Text != "," || tail + 1 >= sentenceEnd || t[tail].Text != "," || Words(t, sentenceStart, comma - 1) > LongestOpening)
            return null;
        var first = t[tail + 1];
        if (!first.IsWord || first.IsCapitalised || first.Text.EndsWith("ing", StringComparison.Ordinal) || ContinuingWords.Contains(first.Text))
            return null;
        var opensClause = lexicon.Determiners.Contains(first.Text) || lexicon.PersonPronouns.Contains(first.Text)
                          || lexicon.BodyPronouns.Contains(first.Text) || lexicon.OtherPronouns.Contains(first.Text);
        if (!opensClause && !CircumstanceOpenings.Contains(t[sentenceStart].Text))
            return null;
        return Words(t, tail + 1, sentenceEnd - 1) >= MinimumWords ? Trimmed(t, tail + 1, sentenceEnd - 1) : null;
    }

    // "Testifying before the House Appropriations subcommittee …, he said, “…”", "Breaking out operating earnings by
    // divisions, ITT said diversified services …": how the speaker came to speak, when something other than where or
    // when it was said follows the verb ("Excluding energy exports, the 1987 figure would be two pct, it said." and
    // "Borrowing on external bond markets totalled …, the OECD said in its latest monthly report." are what was said).
    private static bool OpenedByParticiple(IReadOnlyList<Token> t, int sentenceStart, int tail, int sentenceEnd) =>
        tail < sentenceEnd && IsParticipleOpening(t, sentenceStart)
        && (!CircumstancePrepositions.Contains(t[tail].Text) || Enumerable.Range(tail, sentenceEnd - tail).Any(i => IsQuote(t[i])));

    // "Asked …", "Answering questions …", "Breaking out …": a sentence opening with a participle and the words it
    // governs, not with a name or a preposition ("During", "Following").
    private static bool IsParticipleOpening(IReadOnlyList<Token> t, int sentenceStart)
    {
        var first = t[sentenceStart].Text;
        if (ParticipleOpenings.Contains(first))
            return true;
        return first.Length > 5 && first.EndsWith("ing", StringComparison.Ordinal) && t[sentenceStart].IsCapitalised
               && !CircumstanceOpenings.Contains(first) && sentenceStart + 1 < t.Count && t[sentenceStart + 1].IsWord
               && !t[sentenceStart + 1].IsCapitalised;
    }

    // Nothing after the verb to the sentence's end or a comma: "…, X, the chairman, said."
    private static bool TailIsEmpty(IReadOnlyList<Token> t, int from, int sentenceEnd) => from >= sentenceEnd || t[from].Text == ",";

    // The first token of the name in "…, Gilberto Arango, president of …," whose closing comma is at
    // <paramref name="closingComma"/>, when it opens the sentence or follows a comma or quotation mark; else -1.
    private static int AppositiveName(IReadOnlyList<Token> t, int closingComma, int sentenceStart)
    {
        for (var k = closingComma - 1; k > sentenceStart && k >= closingComma - LongestAppositive; k--)
        {
            if (t[k].Text != ",")
                continue;
            var name = k;
            while (name > sentenceStart && (t[name - 1].IsCapitalised || (t[name - 1].Text == "." && name > 1 && t[name - 2].IsInitial)))
                name--;
            // "Sen. Tom Harkin, D-Iowa, sponsor of the bill, told": a party and state follow the name, like a description.
            if (name == k - 1 && SpeakerLexicon.IsPartyAndState(t[name].Text))
                continue;
            return name < k && (name == sentenceStart || IsCommaOrQuote(t[name - 1])) ? name : -1;
        }
        return -1;
    }

    // What comes before the attribution whose comma or closing mark is at <paramref name="mark"/>: from the opening
    // quotation mark when it closes a quote, else from the sentence's start.
    private static (int, int)? Before(IReadOnlyList<Token> t, int mark, int sentenceStart)
    {
        var last = mark;
        var quoted = false;
        while (last >= 0 && IsCommaOrQuote(t[last]))
        {
            quoted |= IsQuote(t[last]);
            last--;
        }
        if (last < 0)
            return null;
        var first = sentenceStart;
        if (quoted)
        {
            var opening = last;
            var window = Math.Max(0, last - LongestSentence);
            while (opening > window && !IsQuote(t[opening]))
                opening--;
            if (opening >= 0 && IsOpening(t[opening]))
                first = opening + 1;
        }
        return Trimmed(t, first, last);
    }

    // What comes after the verb: from "that" when it soon follows ("said on Monday that …"), past the listener of "told"
    // ("told reporters …"); a quotation opened there ends at its closing mark, anything else with the sentence.
    private (int, int)? Forward(IReadOnlyList<Token> t, Attribution a, int sentenceEnd)
    {
        var from = a.VerbEnd;
        var told = t[a.VerbStart].Text is "told" or "tells";
        // "told a meeting of Soviet and British businessmen that …": the "that" is looked for after the listener.
        if (told)
            from = AfterListener(t, from, sentenceEnd);
        from = PastCircumstance(t, from, sentenceEnd);
        var that = Find(t, from, Math.Min(sentenceEnd, from + ThatWithin), "that");
        // Not a relative "that" after the start of what was said ("said the cooperative is concerned that"), nor one
        // a verb follows ("legislation that would allow …", "said that had not happened"): a subject, not a clause's start.
        if (that >= 0 && !Enumerable.Range(from, that - from).Any(i => IsQuote(t[i]) || lexicon.ClauseVerbs.Contains(t[i].Text))
            && !(that + 1 < t.Count && lexicon.ClauseVerbs.Contains(t[that + 1].Text)))
            from = that + 1;
        else if (!told && verbs.NeedsClause(t, a.VerbStart, a.VerbEnd) && !QuotationFollows(t, from))
            return null;
        while (from < t.Count && t[from].Text is ":" or ",")
            from++;
        if (from < t.Count && IsQuote(t[from]) && IsOpening(t[from]))
        {
            var closing = from + 1;
            var window = Math.Min(t.Count, from + LongestSentence);
            while (closing < window && !IsQuote(t[closing]))
                closing++;
            // "said that “Germany and most European countries” have supported …": the quotation is only the start
            // of the reported sentence, which runs on after its closing mark.
            var quotationOnly = closing + 1 >= sentenceEnd || !t[closing + 1].IsWord || t[closing - 1].Text == ",";
            if (quotationOnly)
                return Trimmed(t, from + 1, closing - 1);
            // The opening mark stays with the sentence, which holds its closing one.
            return Trimmed(t, from, sentenceEnd - 1) is var (_, last) ? (from, last) : null;
        }
        return Trimmed(t, from, sentenceEnd - 1);
    }

    // "said in a statement it would …", "told Reuters last year he hoped …", "said earlier today it received …", "said in
    // a letter to the president that …": when the speaker spoke or in what, not what was said; skipped when a clause's
    // subject, a "that" or a quotation follows it ("said in the merger shareholders would get …" keeps its "in").
    private int PastCircumstance(IReadOnlyList<Token> t, int from, int sentenceEnd)
    {
        var k = from;
        while (k < sentenceEnd)
        {
            if (TimeWords.Contains(t[k].Text) || Weekdays.Contains(t[k].Text))
                k++;
            else if (t[k].Text is "on" && k + 1 < sentenceEnd && Weekdays.Contains(t[k + 1].Text))
                k += 2;
            else if (t[k].Text is "last" or "this" or "next" && k + 1 < sentenceEnd && (TimeUnits.Contains(t[k + 1].Text) || Weekdays.Contains(t[k + 1].Text)))
                k += 2;
            else if (t[k].Text is "in" or "on" && MediumEnd(t, k + 1, sentenceEnd) is var medium and >= 0)
                k = medium;
            else
                break;
        }
        if (k == from || k >= sentenceEnd)
            return from;
        var next = t[k];
        var clauseFollows = next.Text is "that" or "," or ":" || IsQuote(next) || next.IsCapitalised || lexicon.Determiners.Contains(next.Text)
                            || lexicon.IsPronoun(next.Text);
        return clauseFollows ? k : from;
    }

    // After "in": a determiner or possessive, at most two more words and a medium ("a statement", "its annual report",
    // "a front page commentary"), and a listener or subject it went to when a "that" or a quotation soon follows ("a
    // letter to the president that"); the index after it, or -1.
    private int MediumEnd(IReadOnlyList<Token> t, int from, int sentenceEnd)
    {
        if (from >= sentenceEnd || !(lexicon.Determiners.Contains(t[from].Text) || lexicon.PersonPronouns.Contains(t[from].Text) || lexicon.BodyPronouns.Contains(t[from].Text)))
            return -1;
        for (var k = from + 1; k < Math.Min(sentenceEnd, from + 4); k++)
        {
            if (!t[k].IsWord || t[k].IsCapitalised && !Media.Contains(t[k].Text))
                return -1;
            if (!Media.Contains(t[k].Text))
                continue;
            if (k + 1 < sentenceEnd && t[k + 1].Text is "to" or "of" or "with" or "on" or "from" or "before")
            {
                // "in an interview on March 1, “My main concern …”".
                for (var i = k + 2; i < Math.Min(sentenceEnd - 1, k + 2 + ThatWithin); i++)
                    if (t[i].Text == "that" || (t[i].Text == "," && IsQuote(t[i + 1])))
                        return i;
                return -1;
            }
            return k + 1;
        }
        return -1;
    }

    // "told Reuters", "told reporters", "told a news conference here", "told the U.S. chapter of the World Energy
    // Conference", "told him": to the last listener noun of a run of them, their names and "of the", else one word.
    private int AfterListener(IReadOnlyList<Token> t, int from, int sentenceEnd)
    {
        var lastNoun = -1;
        for (var i = from; i < Math.Min(sentenceEnd, from + LongestAttributionTail + 2); i++)
        {
            if (ListenerNouns.Contains(t[i].Text))
                lastNoun = i;
            // "told a financial analysts' meeting": a possessive mark goes on to the noun it belongs to.
            else if (lastNoun >= 0 && !t[i].IsCapitalised && !lexicon.Connectors.Contains(t[i].Text) && t[i].Text != "'")
                break;
        }
        if (lastNoun >= 0)
            return lastNoun + 1 < sentenceEnd && t[lastNoun + 1].Text is "here" or "today" or "yesterday" ? lastNoun + 2 : lastNoun + 1;
        while (from < sentenceEnd && lexicon.Determiners.Contains(t[from].Text))
            from++;
        if (from < sentenceEnd && t[from].IsCapitalised)
        {
            // "told the Securities and Exchange Commission": a name's "and" or "of" between capitalised words.
            while (from < sentenceEnd && (t[from].IsCapitalised
                                          || (t[from].Text is "and" or "&" or "of" && from + 1 < sentenceEnd && t[from + 1].IsCapitalised)))
                from++;
            return from;
        }
        return Math.Min(from + 1, sentenceEnd);
    }
}
