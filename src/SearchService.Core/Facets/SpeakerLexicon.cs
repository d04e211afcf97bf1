namespace SearchService.Core.Facets;

/// <summary>
/// The word lists speaker extraction reads attributions with, from <c>Data/speakers.json</c>: attribution verbs,
/// titles to strip, organisation words, pronouns and the nouns that stand for a statement or its issuer.
/// </summary>
public sealed class SpeakerLexicon
{
    public const string DefaultFileName = "speakers.json";
    private const string What = "speaker lexicon";

    private SpeakerLexicon(LexiconFile f, PhraseSet functionWords)
    {
        Source = f.Source ?? "";
        AttributionVerbs = PhraseSet.Of(f.AttributionVerbs);
        AgentPhrases = PhraseSet.Of(f.AgentPhrases);
        ActionVerbs = PhraseSet.Of(f.ActionVerbs);
        NamedObjectVerbs = PhraseSet.Of(f.NamedObjectVerbs);
        VerbModifiers = PhraseSet.Of(f.VerbModifiers);
        ClauseVerbs = PhraseSet.Of(f.ClauseVerbs);
        PersonPronouns = PhraseSet.Of(f.PersonPronouns);
        UnnamedPersonNouns = PhraseSet.Of(f.UnnamedPersonNouns);
        BodyPronouns = PhraseSet.Of(f.BodyPronouns);
        DocumentNouns = PhraseSet.Of(f.DocumentNouns);
        RoleNouns = PhraseSet.Of(f.RoleNouns);
        BodyReferenceNouns = PhraseSet.Of(f.BodyReferenceNouns);
        Determiners = PhraseSet.Of(f.Determiners);
        Connectors = PhraseSet.Of(f.Connectors);
        TitlesAlsoNames = PhraseSet.Of(f.TitlesAlsoNames);
        NameParticles = PhraseSet.Of(f.NameParticles);
        OtherPronouns = PhraseSet.Of(f.OtherPronouns);
        ObjectPrepositions = PhraseSet.Of(f.ObjectPrepositions);
        CompanySuffixes = PhraseSet.Of(f.CompanySuffixes);
        PersonTitles = PhraseSet.Of(f.PersonTitles);
        OrganisationWords = PhraseSet.Of(f.OrganisationWords);
        StandaloneBodies = PhraseSet.Of(f.StandaloneBodies);
        FemaleTitles = PhraseSet.Of(f.FemaleTitles);
        MaleTitles = PhraseSet.Of(f.MaleTitles);
        AdjectivesBeforeRoleNouns = PhraseSet.Of(f.AdjectivesBeforeRoleNouns);
        FunctionWords = functionWords;
    }

    /// <summary>A United States legislator's party and state written after the name ("D-Iowa", "R-Kan"): no name of its own.</summary>
    public static bool IsPartyAndState(string word) =>
        word.Length > 2 && word[0] is 'D' or 'R' or 'I' && word[1] == '-' && char.IsUpper(word[2]);

    /// <summary>A pronoun of any of the three lists: of a person ("he"), of a body ("it") or another ("I", "we", "they").</summary>
    public bool IsPronoun(string word) => PersonPronouns.Contains(word) || BodyPronouns.Contains(word) || OtherPronouns.Contains(word);

    /// <summary>Where the lists came from (the file's <c>source</c> line).</summary>
    public string Source { get; }

    public PhraseSet AttributionVerbs { get; }
    public PhraseSet AgentPhrases { get; }
    public PhraseSet ActionVerbs { get; }

    /// <summary>Action verbs that make actors only when their object names someone ("X received Y", not "X received a contract").</summary>
    public PhraseSet NamedObjectVerbs { get; }

    public PhraseSet VerbModifiers { get; }

    /// <summary>Verbs that, right after a name following "said", show the name begins what was said ("said the SEC should…").</summary>
    public PhraseSet ClauseVerbs { get; }

    public PhraseSet PersonPronouns { get; }

    /// <summary>A person who speaks unnamed ("a company spokesman said", "said one trader"): a later "he said" is theirs, not the last name's.</summary>
    public PhraseSet UnnamedPersonNouns { get; }

    public PhraseSet BodyPronouns { get; }
    public PhraseSet DocumentNouns { get; }
    public PhraseSet RoleNouns { get; }

    /// <summary>Nouns that, after "the", refer back to the body last quoted ("The company said"), as "it" does.</summary>
    public PhraseSet BodyReferenceNouns { get; }

    public PhraseSet Determiners { get; }
    public PhraseSet Connectors { get; }

    /// <summary>Titles that are also names ("Shah Mahmood Qureshi", "John Major"): a name when next to a name.</summary>
    public PhraseSet TitlesAlsoNames { get; }

    /// <summary>Lower-case words inside a person's surname ("van" of "Gerard van Schaik", "de" of "Jacques de Larosiere").</summary>
    public PhraseSet NameParticles { get; }

    public PhraseSet OtherPronouns { get; }
    public PhraseSet ObjectPrepositions { get; }
    public PhraseSet CompanySuffixes { get; }
    public PhraseSet PersonTitles { get; }
    public PhraseSet OrganisationWords { get; }

    /// <summary>Organisation words that name one body on their own ("the Treasury said"), unlike "Bank" or "Ministry".</summary>
    public PhraseSet StandaloneBodies { get; }

    /// <summary>Titles of women ("Mrs", "Queen"): "she", not "he", stands for the person named with one.</summary>
    public PhraseSet FemaleTitles { get; }

    /// <summary>Titles of men ("Mr", "Sir"): "he", not "she", stands for the person named with one.</summary>
    public PhraseSet MaleTitles { get; }

    /// <summary>Capitalised words that describe, not name, who speaks before a role noun ("Congressional sources said").</summary>
    public PhraseSet AdjectivesBeforeRoleNouns { get; }

    public PhraseSet FunctionWords { get; }

    /// <summary>Loads the lexicon; null means the default file shipped in <c>Data/</c>.</summary>
    public static SpeakerLexicon Load(PhraseSet functionWords, string? path = null)
    {
        path ??= DataFile.DefaultPath(DefaultFileName);
        var file = DataFile.ReadJson<LexiconFile>(path, What);
        foreach (var (name, list) in new[]
                 {
                     ("attributionVerbs", file.AttributionVerbs), ("personTitles", file.PersonTitles),
                     ("organisationWords", file.OrganisationWords), ("documentNouns", file.DocumentNouns),
                 })
            if (list.Count == 0)
                throw DataFile.Invalid(path, What, $"\"{name}\" is missing or empty.");
        return new SpeakerLexicon(file, functionWords);
    }

    private sealed class LexiconFile
    {
        public string? Source { get; set; }
        public List<string> AttributionVerbs { get; set; } = [];
        public List<string> AgentPhrases { get; set; } = [];
        public List<string> ActionVerbs { get; set; } = [];
        public List<string> NamedObjectVerbs { get; set; } = [];
        public List<string> VerbModifiers { get; set; } = [];
        public List<string> ClauseVerbs { get; set; } = [];
        public List<string> PersonPronouns { get; set; } = [];
        public List<string> UnnamedPersonNouns { get; set; } = [];
        public List<string> BodyPronouns { get; set; } = [];
        public List<string> DocumentNouns { get; set; } = [];
        public List<string> RoleNouns { get; set; } = [];
        public List<string> BodyReferenceNouns { get; set; } = [];
        public List<string> Determiners { get; set; } = [];
        public List<string> Connectors { get; set; } = [];
        public List<string> TitlesAlsoNames { get; set; } = [];
        public List<string> NameParticles { get; set; } = [];
        public List<string> OtherPronouns { get; set; } = [];
        public List<string> ObjectPrepositions { get; set; } = [];
        public List<string> CompanySuffixes { get; set; } = [];
        public List<string> PersonTitles { get; set; } = [];
        public List<string> OrganisationWords { get; set; } = [];
        public List<string> StandaloneBodies { get; set; } = [];
        public List<string> FemaleTitles { get; set; } = [];
        public List<string> MaleTitles { get; set; } = [];
        public List<string> AdjectivesBeforeRoleNouns { get; set; } = [];
    }
}
