namespace SearchService.Core.Facets;

/// <summary>
/// Whom the article has named so far, paragraph by paragraph, for resolving "it", "he" and "the statement", and a bare
/// surname to the full name the article gives it.
/// </summary>
internal sealed class SpeakerAntecedents(IReadOnlyList<SpeakerParagraph> paragraphs, SpeakerLexicon lexicon)
{
    private List<NamedSpeaker>? namedInArticle;
    private readonly List<NamedSpeaker> people = [];
    private readonly List<NamedSpeaker> bodies = [];
    // People and unknown single names a pronoun may stand for, in order: speakers and actors, not people named in
    // passing inside what someone else said.
    private readonly List<(NamedSpeaker Speaker, int Seq)> antecedents = [];
    private readonly HashSet<string> women = new(StringComparer.Ordinal);
    private readonly HashSet<string> men = new(StringComparer.Ordinal);
    private int sequence, unnamedSpeakerSequence;
    private (NamedSpeaker? Speaker, int Seq) latestBody, latestUnknown;

    /// <summary>The body whose statement, report or communiqué was last mentioned.</summary>
    public NamedSpeaker? Issuer { get; set; }

    /// <param name="antecedent">Whether a later "he", "she" or "it" may stand for them: not for a name in passing inside someone else's statement.</param>
    /// <returns>Who they are: a bare name resolved to the person the article names in full with it, if any.</returns>
    public NamedSpeaker Remember(NamedSpeaker s, bool antecedent = true)
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
    private NamedSpeaker? NamedInFull(string surname)
    {
        if (surname.Length > 1 && surname.All(c => !char.IsLower(c)))
            return null;
        namedInArticle ??= paragraphs.SelectMany(p => p.Names.Named()).ToList();
        if (namedInArticle.Exists(s => s.Kind == SpeakerKind.Organisation && s.Name.Split(' ').Contains(surname, StringComparer.Ordinal)))
            return null;
        var people = namedInArticle.Where(s => s.Kind == SpeakerKind.Person && s.Name.EndsWith(" " + surname, StringComparison.Ordinal))
            .Select(s => s.Name).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return people.Count == 1 ? new NamedSpeaker(people[0], SpeakerKind.Person, NamedInPassing: true) : null;
    }

    /// <summary>How many names the article has remembered so far.</summary>
    public int Sequence => sequence;

    /// <summary>
    /// The people remembered after <paramref name="seq"/> were named inside a statement whose attribution comes after
    /// it ("Poehl … met Chancellor Willy Brandt …, bankers said"): no later "he" stands for them.
    /// </summary>
    public void NamedInStatementSince(int seq)
    {
        // The antecedents are in the order of their sequence numbers: those after it are the list's end.
        var from = antecedents.Count;
        while (from > 0 && antecedents[from - 1].Seq > seq)
            from--;
        antecedents.RemoveRange(from, antecedents.Count - from);
    }

    /// <summary>A person spoke without a name ("an Inland division spokesman said").</summary>
    public void RememberUnnamedSpeaker() => unnamedSpeakerSequence = ++sequence;

    /// <summary>
    /// Who "he" or "she" stands for: the nearest speaker or actor before it not known to be of the other sex ("she"
    /// prefers one known to be a woman); no one after an unnamed speaker, whose "he said" it is.
    /// </summary>
    public NamedSpeaker? PersonFor(string pronoun)
    {
        var female = string.Equals(pronoun, "she", StringComparison.OrdinalIgnoreCase);
        var (other, same) = female ? (men, women) : (women, men);
        NamedSpeaker? found = null;
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

    /// <summary>What "it" stands for: the body or the name of unknown kind remembered last, as an antecedent.</summary>
    public NamedSpeaker? LastBody => latestBody.Seq >= latestUnknown.Seq ? latestBody.Speaker : latestUnknown.Speaker;

    /// <summary>The body last remembered whose name has this word ("Department" → "Agriculture Department").</summary>
    public NamedSpeaker? LastBodyNamed(string word) =>
        bodies.LastOrDefault(b => b.Name.Split(' ').Contains(word, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether the article named a person by this word before ("Baker" after "James Baker" or "President Baker").</summary>
    public bool IsPerson(string word) =>
        people.Exists(p => p.Name == word || p.Name.EndsWith(" " + word, StringComparison.Ordinal));
}
