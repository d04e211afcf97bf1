using System.Text.Json;

namespace SearchService.Core.Facets;

/// <summary>
/// One identity per speaker across a corpus, learnt as its articles pass: a person's name variants — the surname alone
/// ("Reagan", "President Reagan"), the name behind an office the extractor could not strip ("Chancellor of the Exchequer
/// Nigel Lawson") — map to the person's full name when the evidence seen so far says they are one person, while a bare
/// name that is also a body's name stays apart ("Ford" beside "Ford Motor Co" and "Gerald Ford"; "Salomon" beside
/// "Salomon Brothers Inc" and "Robert Salomon"). Within an article the extractor has already resolved short names to
/// the full name the article uses; this table does it between articles.
/// <para>
/// A value resolves by what the table has learnt alone (<see cref="Learn"/>), never by what it resolved before, so a
/// corpus learnt whole first resolves the same in any order (the <c>extract</c> command does so). A pass that learns and
/// resolves article by article (indexing) leaves values resolved before their full name was first seen in their short
/// form; an index built again with the table saved by the pass before (<see cref="Save"/>) resolves them too.
/// <see cref="FilterValues"/> lets a filter on any variant find both. Thread-safe: each article is resolved under a lock.
/// </para>
/// </summary>
public sealed class SpeakerIdentities
{
    private const int MinimumMentions = 2;

    // A bare name is a person's when the articles name people by it this many times as often as bodies.
    private const int BodyRatio = 3;

    private readonly Lock gate = new();
    private readonly SpeakerLexicon lexicon;
    private State state;

    private SpeakerIdentities(SpeakerLexicon lexicon, State state)
    {
        this.lexicon = lexicon;
        this.state = state;
    }

    public SpeakerIdentities(SpeakerLexicon lexicon) : this(lexicon, new State())
    {
    }

    /// <summary>
    /// Learns from one article's speakers, then gives each its identity, paragraph by paragraph, distinct within a
    /// paragraph. An article learnt from before (by its id) is not counted again: a second pass over a corpus resolves
    /// with the evidence of the first without doubling it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SpeakerIdentity>> Resolve(string articleId, IReadOnlyList<IReadOnlyList<SpeakerMention>> paragraphs)
    {
        var each = ResolveEach(articleId, paragraphs.SelectMany(p => p).ToList());
        var next = 0;
        return paragraphs.Select(p => (IReadOnlyList<SpeakerIdentity>)p.Select(_ => each[next++])
            .DistinctBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .ToList()).ToList();
    }

    /// <summary>
    /// Learns from one article's speakers, then gives each mention its identity, one for one in their order (as
    /// <see cref="Resolve"/>, without keeping each name once a paragraph).
    /// </summary>
    public IReadOnlyList<SpeakerIdentity> ResolveEach(string articleId, IReadOnlyList<SpeakerMention> mentions)
    {
        // What the article alone says is read before the lock, which the other indexing threads wait for, and only the
        // table's own reads and writes are made under it.
        // A bare name the article gives an office anywhere ("President Reagan … Reagan said") has that office throughout.
        var articleRoles = mentions.Where(m => m.Role is not null && !m.Name.Contains(' '))
            .GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Role, StringComparer.Ordinal);
        var article = new ArticleNames(
            mentions.Where(IsFullPersonName).Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
            mentions.Where(m => m.Kind == SpeakerKind.Organisation && m.Name.Contains(' ') && IsBodyWord(m.Name[(m.Name.LastIndexOf(' ') + 1)..]))
                .Select(m => m.Name[..m.Name.IndexOf(' ')]).ToHashSet(StringComparer.Ordinal));
        var withRoles = mentions.Select(m => m with { Role = m.Role ?? articleRoles.GetValueOrDefault(m.Name) }).ToArray();
        var identities = new SpeakerIdentity[withRoles.Length];
        lock (gate)
        {
            Learn(articleId, mentions);
            for (var i = 0; i < withRoles.Length; i++)
                identities[i] = Identify(withRoles[i], article);
        }
        return identities;
    }

    /// <summary>
    /// Learns from one article's speakers without resolving them. What a value resolves to depends only on what the
    /// table has learnt (counts, which add up the same in any order), so a corpus learnt whole before it is resolved
    /// resolves the same whatever order its articles pass in, on any number of threads.
    /// </summary>
    public void Learn(string articleId, IReadOnlyList<IReadOnlyList<SpeakerMention>> paragraphs)
    {
        lock (gate)
            Learn(articleId, paragraphs.SelectMany(p => p));
    }

    private void Learn(string articleId, IEnumerable<SpeakerMention> mentions)
    {
        if (state.ObservedArticles.Add(articleId))
            foreach (var mention in mentions)
                Observe(mention);
    }

    /// <summary>The identity of a value as the table stands now, or null when no article gave it.</summary>
    public SpeakerIdentity? Find(string value)
    {
        lock (gate)
            return state.Identities.ContainsKey(Current(value)) ? Snapshot(Current(value)) : null;
    }

    /// <summary>
    /// The values a filter on <paramref name="value"/> matches: what it stands for now and every variant that does too,
    /// including a bare name given before its full name was known ("Volcker" indexed as such, then "Paul Volcker"). A
    /// variant that went to several people ("Baker") matches only itself.
    /// </summary>
    public IReadOnlyList<string> FilterValues(string value)
    {
        lock (gate)
        {
            var name = Current(value);
            var words = name.Split(' ');
            var variants = state.Variants.Keys.Append(words[0]).Append(words[^1]).Where(v => Current(v) == name);
            return new[] { name, value }.Concat(variants).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Writes the table, evidence included, so a later pass (a restart, a rebuild) starts from it.</summary>
    public void Save(Stream output)
    {
        byte[] json;
        lock (gate)
            json = JsonSerializer.SerializeToUtf8Bytes(state);
        output.Write(json); // the file is written outside the lock the indexing threads resolve under
    }

    public static SpeakerIdentities Load(Stream input, SpeakerLexicon lexicon) => new(lexicon, Read(input));

    /// <summary>
    /// Replaces what the table holds with a table <see cref="Save"/> wrote: a reader following a table learnt elsewhere
    /// (a cluster's, kept in PostgreSQL) keeps the one instance its searches were given.
    /// </summary>
    public void Replace(Stream input)
    {
        var read = Read(input);
        lock (gate)
            state = read;
    }

    private static State Read(Stream input) =>
        JsonSerializer.Deserialize<State>(input) ?? throw new InvalidDataException("The speaker identity table is empty (JSON null).");

    // What a value stands for with the evidence now: the one identity it went to, or for a bare name resolved as itself
    // before its full name was known, what it would go to now.
    private string Current(string value)
    {
        if (state.Variants.TryGetValue(value, out var names))
            return names.Count == 1 ? names.First() : value;
        if (value.Contains(' ') || !state.Identities.TryGetValue(value, out var evidence) || evidence.Kind == SpeakerKind.Organisation)
            return value;
        return Canonical(new SpeakerMention(value, evidence.Kind, evidence.Roles.Order(StringComparer.Ordinal).FirstOrDefault()), ArticleNames.None).Name;
    }

    // The identity as it stands, made again only when its kind or roles changed: most mentions change neither.
    private SpeakerIdentity Snapshot(string name)
    {
        var evidence = state.Identities[name];
        if (evidence.Snapshot is not { } snapshot || snapshot.Kind != evidence.Kind || snapshot.Roles.Count != evidence.Roles.Count)
            evidence.Snapshot = snapshot = new SpeakerIdentity(name, evidence.Kind, evidence.Roles.Order(StringComparer.Ordinal).ToList());
        return snapshot;
    }

    private bool IsFullPersonName(SpeakerMention m) =>
        m.Kind == SpeakerKind.Person && m.Name.Contains(' ') && !IsBodyWord(m.Name[(m.Name.LastIndexOf(' ') + 1)..]);

    private bool IsBodyWord(string word) => lexicon.OrganisationWords.Contains(word) || lexicon.CompanySuffixes.Contains(word);

    private void Observe(SpeakerMention m)
    {
        var words = m.Name.Split(' ');
        if (IsFullPersonName(m))
        {
            // "Krupp said" ten times after "Michael Krupp, a Golden, Colo., businessman": one name in passing would
            // otherwise count as ten, and outweigh Krupp the steel maker in other articles.
            if (m.NamedInPassing)
                return;
            Count(state.PeopleBySurname, words[^1], m.Name);
            Count(state.PeopleByFirstName, words[0], m.Name);
            if (m.Role is { } role)
            {
                var roles = state.PeopleRoles.TryGetValue(m.Name, out var seen) ? seen : state.PeopleRoles[m.Name] = new(StringComparer.OrdinalIgnoreCase);
                roles.Add(role);
            }
        }
        else if (m.Kind == SpeakerKind.Organisation && NameAfterOffice(words) is { } person)
            Observe(new SpeakerMention(person, SpeakerKind.Person));
        else if (m.Kind == SpeakerKind.Organisation)
        {
            // "Ford" of "Ford Motor Co", "Daily" of "China Daily": a bare name that begins or ends bodies' names.
            foreach (var word in words.Length == 1 ? [words[0]] : new[] { words[0], words[^1] })
                state.BodyWords[word] = state.BodyWords.GetValueOrDefault(word) + 1;
            for (var end = 2; end < words.Length; end++)
                state.BodyNameStarts.Add(string.Join(' ', words[..end]));
        }
        else if (m.Kind == SpeakerKind.Person && words.Length == 1)
            state.TitledNames[m.Name] = state.TitledNames.GetValueOrDefault(m.Name) + 1;
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> people, string key, string name)
    {
        var named = people.TryGetValue(key, out var found) ? found : people[key] = [];
        named[name] = named.GetValueOrDefault(name) + 1;
    }

    // "Chancellor of the Exchequer Nigel Lawson", "White House Chief of Staff Howard Baker": an office the extractor
    // could not strip, then a first name and a surname.
    private string? NameAfterOffice(string[] words)
    {
        if (words.Length < 4 || !words[..^2].Any(lexicon.PersonTitles.Contains))
            return null;
        var name = words[^2..];
        return name.All(w => char.IsUpper(w[0]) && w.Length > 1 && !IsBodyWord(w) && !lexicon.PersonTitles.Contains(w))
            ? string.Join(' ', name)
            : null;
    }

    private SpeakerIdentity Identify(SpeakerMention m, ArticleNames article)
    {
        var (name, kind, role) = Canonical(m, article);
        if (name != m.Name)
        {
            var names = state.Variants.TryGetValue(m.Name, out var found) ? found : state.Variants[m.Name] = [];
            names.Add(name);
        }
        var evidence = state.Identities.TryGetValue(name, out var known) ? known : state.Identities[name] = new Evidence { Kind = kind };
        // Whatever order mentions come in: a person once is a person, a body is a body unless a person.
        if (kind == SpeakerKind.Person || (kind == SpeakerKind.Organisation && evidence.Kind == SpeakerKind.Unknown))
            evidence.Kind = kind;
        if (role is not null && !evidence.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            evidence.Roles.Add(role);
        return Snapshot(name);
    }

    private (string Name, SpeakerKind Kind, string? Role) Canonical(SpeakerMention m, ArticleNames article)
    {
        var words = m.Name.Split(' ');
        if (IsFullPersonName(m))
            return (m.Name, IsBodyStart(m.Name) ? SpeakerKind.Organisation : SpeakerKind.Person, m.Role);
        if (words.Length > 1)
            return BehindOffice(m, words, article) ?? (m.Name, m.Kind, m.Role);
        if (m.Kind == SpeakerKind.Organisation || IsAcronym(m.Name) || (m.Kind != SpeakerKind.Person && !MostlyPeople(m.Name)))
            return (m.Name, m.Kind == SpeakerKind.Unknown ? SpeakerKind.Organisation : m.Kind, m.Role);
        // "Stanley said" in an article about Stanley Interiors Corp is the company, not David Stanley of another article.
        if (m.Kind == SpeakerKind.Unknown && article.BodyWords.Contains(m.Name))
            return (m.Name, SpeakerKind.Organisation, m.Role);
        if (Bearer(m, article) is { } person)
            return (person, SpeakerKind.Person, m.Role);
        if (FamilyNameFirst(m, article) is { } named)
            return (named, SpeakerKind.Person, m.Role);
        return (m.Name, m.Kind == SpeakerKind.Unknown && state.TitledNames.ContainsKey(m.Name) ? SpeakerKind.Person : m.Kind, m.Role);
    }

    // "Salomon Brothers" read as a person's two names is the start of "Salomon Brothers Inc".
    private bool IsBodyStart(string name) => state.BodyNameStarts.Contains(name);

    // "Chancellor of the Exchequer Nigel Lawson", "Treasury Secertary James Baker": a known person's full name after
    // words naming an office; "Energy Subroto": a name only ever seen with an office after an organisation word.
    private (string, SpeakerKind, string?)? BehindOffice(SpeakerMention m, string[] words, ArticleNames article)
    {
        // Most such names are bodies' ("Securities and Exchange Commission"), whose last word is no one's surname.
        if (state.PeopleBySurname.TryGetValue(words[^1], out var ofSurname))
            for (var start = 1; start < words.Length - 1; start++)
            {
                var name = string.Join(' ', words[start..]);
                if (ofSurname.ContainsKey(name))
                    return (name, SpeakerKind.Person, m.Role ?? string.Join(' ', words[..start]));
            }
        var last = words[^1];
        // "Oil World" (a newsletter) and "King World" (a company) are no office and a surname: "World" names bodies.
        if (words.Length > 3 || !words[..^1].All(lexicon.OrganisationWords.Contains) || !state.TitledNames.ContainsKey(last) || !MostlyPeople(last))
            return null;
        var role = string.Join(' ', words[..^1]);
        return (Bearer(new SpeakerMention(last, SpeakerKind.Person, role), article) ?? last, SpeakerKind.Person, role);
    }

    // "Ford" begins far more bodies' names (Ford Motor Co) than it names people (Gerald Ford, President Ford), "Reagan"
    // the reverse (Ronald Reagan, President Reagan, the Reagan Administration); a bare name is a person's only when
    // people outnumber bodies so.
    private bool MostlyPeople(string name)
    {
        var bodies = state.BodyWords.GetValueOrDefault(name);
        var people = (state.PeopleBySurname.GetValueOrDefault(name)?.Values.Sum() ?? 0) + state.TitledNames.GetValueOrDefault(name);
        return people >= BodyRatio * bodies;
    }

    // "Zhao" of "Chinese Premier Zhao Ziyang", "(Finance Minister Dilson) Funaro": a name written family name first, or
    // a first name, standing for the one person the article names with it. Not across articles: "Lloyd" of "Chairman
    // Lloyd I. Miller" is not Senate Finance Committee Chairman Lloyd Bentsen.
    private string? FamilyNameFirst(SpeakerMention m, ArticleNames article)
    {
        if (!state.PeopleByFirstName.TryGetValue(m.Name, out var people))
            return null;
        var inArticle = people.Keys.Where(article.People.Contains).ToList();
        return inArticle.Count == 1 ? inArticle[0] : null;
    }

    private static bool IsAcronym(string name) => name.Length > 1 && name.All(c => !char.IsLower(c));

    // The full name a bare surname stands for: the one person of that surname named with the mention's office (if
    // several, the one the article names); without an office, the person of that surname the article names, else the
    // only one seen; a man's courtesy title ("Mr") is no office. Null when in doubt: an office no candidate holds ("Mrs
    // Reagan" is not Ronald Reagan), two people the article names, or several seen.
    private string? Bearer(SpeakerMention m, ArticleNames article)
    {
        if (!state.PeopleBySurname.TryGetValue(m.Name, out var seen))
            return null;
        // A full name seen once may be a misreading ("Mines Subroto" of "Minister of Mines and Energy Subroto"); one that
        // begins a body's name is the body ("Caesars World" of "Caesars World Inc" is no one "World" or "Oil World" names).
        var people = seen.Where(p => (p.Value >= MinimumMentions || article.People.Contains(p.Key)) && !IsBodyStart(p.Key)).Select(p => p.Key).ToList();
        if (m.Role is { } title && lexicon.MaleTitles.Contains(title))
            // "Mr Volcker" names no office, so the offices "Fed Chairman Paul Volcker" was given do not keep him apart;
            // only a person named with a woman's title is not him. A woman's title ("Mrs Reagan") is matched as an office.
            people.RemoveAll(p => state.PeopleRoles.GetValueOrDefault(p)?.Any(lexicon.FemaleTitles.Contains) == true);
        else if (m.Role is { } role)
        {
            var sameOffice = people.Where(p => state.PeopleRoles.GetValueOrDefault(p)?.Any(r => SameOffice(r, role)) == true).ToList();
            if (sameOffice.Count > 1)
                sameOffice = sameOffice.Where(article.People.Contains).ToList();
            if (sameOffice.Count == 1)
                return sameOffice[0];
            if (sameOffice.Count > 1 || people.Any(p => state.PeopleRoles.GetValueOrDefault(p)?.Count > 0))
                return null;
        }
        var inArticle = people.Where(article.People.Contains).ToList();
        if (inArticle.Count > 0)
            return inArticle.Count == 1 ? inArticle[0] : null;
        // The most quoted of several is not enough: "Baker" is also Howard Baker and Baker International, "Johnson"
        // Johnson and Johnson (read on the judged sample, docs/speakers). Nor is the only one seen when the article
        // names someone else by that name: "Lee" beside "Trade Minister Lee Hsien Loong" is not Daniel Lee.
        return people.Count == 1 && !article.People.Any(p => p.Split(' ').Contains(m.Name, StringComparer.Ordinal)) ? people[0] : null;
    }

    // "Treasury Secretary", "U.S. Treasury Secretary" and "Secretary" are one office; "President" and "Vice President" are not.
    private bool SameOffice(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.Equals(shorter, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!longer.EndsWith(" " + shorter, StringComparison.OrdinalIgnoreCase))
            return false;
        return !longer[..(longer.Length - shorter.Length - 1)].Split(' ').Any(lexicon.PersonTitles.Contains);
    }

    /// <param name="People">Full names of people the article's speakers are.</param>
    /// <param name="BodyWords">First words of the bodies the article's speakers are, named as bodies ("Stanley" of "Stanley Interiors Corp").</param>
    private sealed record ArticleNames(HashSet<string> People, HashSet<string> BodyWords)
    {
        public static readonly ArticleNames None = new([], []);
    }

    private sealed class Evidence
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public SpeakerIdentity? Snapshot { get; set; }

        public SpeakerKind Kind { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    private sealed class State
    {
        /// <summary>Full names of people by surname, each with how many articles' mentions gave it.</summary>
        public Dictionary<string, Dictionary<string, int>> PeopleBySurname { get; set; } = new(StringComparer.Ordinal);

        /// <summary>First and last words of bodies' names, and one-word bodies, each with how many mentions gave it: a bare name among them may be the body.</summary>
        public Dictionary<string, int> BodyWords { get; set; } = new(StringComparer.Ordinal);

        /// <summary>The first two or more words of longer bodies' names ("Salomon Brothers" of "Salomon Brothers Inc").</summary>
        public HashSet<string> BodyNameStarts { get; set; } = new(StringComparer.Ordinal);

        /// <summary>Full names of people by their first word, for names written family name first ("Zhao Ziyang").</summary>
        public Dictionary<string, Dictionary<string, int>> PeopleByFirstName { get; set; } = new(StringComparer.Ordinal);

        /// <summary>One-word names seen with an office ("President Reagan", "Energy Minister Subroto"), with how often: people.</summary>
        public Dictionary<string, int> TitledNames { get; set; } = new(StringComparer.Ordinal);

        /// <summary>The offices full names of people were given with ("Treasury Secretary" for James Baker), as learnt: the evidence for a bare name with an office.</summary>
        public Dictionary<string, HashSet<string>> PeopleRoles { get; set; } = new(StringComparer.Ordinal);

        /// <summary>Ids of the articles learnt from.</summary>
        public HashSet<string> ObservedArticles { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, Evidence> Identities { get; set; } = new(StringComparer.Ordinal);

        /// <summary>Values resolved to another, with every canonical value they went to.</summary>
        public Dictionary<string, HashSet<string>> Variants { get; set; } = new(StringComparer.Ordinal);
    }
}
