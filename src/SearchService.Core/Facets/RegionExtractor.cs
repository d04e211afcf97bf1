namespace SearchService.Core.Facets;

/// <summary>
/// Reads region facet values from text and datelines: takes the gazetteer's mentions and drops those whose
/// context shows another meaning (a person called Jordan, the US state of Georgia, the Gulf of Mexico).
/// </summary>
public sealed class RegionExtractor
{
    private readonly PhraseSet functionWords;
    private readonly RegionEntry? unitedStates;

    public const string DatelineAbbreviationsFileName = "dateline-abbreviations.tsv";
    public const string ModifierNounsFileName = "region-modifier-nouns.txt";

    private readonly PhraseSet modifierNouns;

    private readonly IReadOnlyDictionary<string, string> datelineAbbreviations;

    /// <param name="datelineAbbreviations">State and province abbreviations of datelines ("Ore." → United States).</param>
    /// <param name="modifierNouns">Nouns that make a place name before them a modifier ("Paris accord"); null: none.</param>
    public RegionExtractor(RegionGazetteer gazetteer, PhraseSet functionWords, IReadOnlyDictionary<string, string> datelineAbbreviations,
        PhraseSet? modifierNouns = null)
    {
        this.modifierNouns = modifierNouns ?? PhraseSet.Of([]);
        Gazetteer = gazetteer;
        this.functionWords = functionWords;
        this.datelineAbbreviations = datelineAbbreviations;
        unitedStates = gazetteer.TryGet("United States", out var us) ? us : null;
    }

    public RegionGazetteer Gazetteer { get; }

    /// <summary>Distinct canonical regions mentioned in <paramref name="text"/>, in order of first mention.</summary>
    public IReadOnlyList<string> Extract(string text)
    {
        var tokens = TextTokens.Tokenize(text);
        return Mentions(tokens, TextTokens.IsShouting(text)).Select(m => m.Region.Name).Distinct().ToList();
    }

    /// <summary>Distinct regions named in <paramref name="text"/>, in order of first mention, each marked
    /// <see cref="NamedRegion.AsLocation"/> when some mention of it follows "in".</summary>
    public IReadOnlyList<NamedRegion> Named(string text) => Named(text, TextTokens.Tokenize(text));

    /// <inheritdoc cref="Named(string)"/>
    /// <param name="tokens">The tokens of <paramref name="text"/>, when the caller has them already.</param>
    public IReadOnlyList<NamedRegion> Named(string text, IReadOnlyList<Token> tokens) =>
        Named(tokens, Mentions(tokens, TextTokens.IsShouting(text)));

    /// <inheritdoc cref="Named(string)"/>
    /// <param name="tokens">The tokens of the text.</param>
    /// <param name="mentions">Their <see cref="Mentions"/>, read as shouting when <see cref="TextTokens.IsShouting"/> says the text is.</param>
    public IReadOnlyList<NamedRegion> Named(IReadOnlyList<Token> tokens, IReadOnlyList<RegionMention> mentions)
    {
        if (mentions.Count == 0)
            return [];
        var named = new List<NamedRegion>();
        foreach (var m in mentions)
        {
            if (modifierNouns.MatchAt(tokens, m.End) > 0)
                continue;
            var asLocation = IsLocation(tokens, m.Start);
            var seen = IndexOf(named, m.Region);
            if (seen < 0)
                named.Add(new NamedRegion(m.Region, asLocation));
            else if (asLocation)
                named[seen] = named[seen] with { AsLocation = true };
        }
        return named;
    }

    private static int IndexOf(List<NamedRegion> named, RegionEntry region)
    {
        for (var k = 0; k < named.Count; k++)
            if (named[k].Region == region)
                return k;
        return -1;
    }

    // "in Afghanistan", "in the United States"; not "listed in Luxembourg", where a bond is listed says nothing of what
    // it is about, nor "the agreement reached in Paris", "talks in London": where diplomats met is not what the news is
    // about (on the tune part of Reuters, the Paris accord's city was a false region in dozens of currency stories).
    private static bool IsLocation(IReadOnlyList<Token> tokens, int start)
    {
        var i = start - 1;
        if (i >= 0 && tokens[i].Text == "the")
            i--;
        if (i < 0 || tokens[i].Text != "in" || (i > 0 && tokens[i - 1].Text == "listed"))
            return false;
        for (var k = i - 1; k >= Math.Max(0, i - EventNounReach); k--)
            if (MeetingNouns.Contains(tokens[k].Text))
                return false;
        return true;
    }

    /// <summary>How many words before "in" a meeting noun makes the place where it met ("the accord reached in Paris").</summary>
    private const int EventNounReach = 2;

    private static readonly HashSet<string> MeetingNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "agreement", "accord", "pact", "talks", "meeting", "meetings", "conference", "negotiations", "summit", "session",
    };

    /// <summary>Mentions that survive the context rules; a US-state reading comes back as the United States.</summary>
    public IReadOnlyList<RegionMention> Mentions(IReadOnlyList<Token> tokens, bool shouting = false)
    {
        var all = Gazetteer.FindMentions(tokens, shouting);
        if (all.Count == 0)
            return all;
        var kept = new List<RegionMention>(all.Count);
        foreach (var m in all)
        {
            if (m.Ambiguity.HasFlag(RegionAmbiguity.Person) && IsPartOfPersonName(tokens, m, all))
                continue;
            if (m.Ambiguity.HasFlag(RegionAmbiguity.NamePart) && IsPartOfLongerName(tokens, m, all))
                continue;
            if (m.Ambiguity.HasFlag(RegionAmbiguity.UsState) && unitedStates is not null && IsUsState(tokens, m, all))
            {
                kept.Add(m with { Region = unitedStates });
                continue;
            }
            if (SharedHead(tokens, m) is { } elided)
                kept.Add(elided);
            kept.Add(m);
        }
        return kept;
    }

    // "Central and South Asia", "North and South Korea": the first place shares the second's head word(s).
    private RegionMention? SharedHead(IReadOnlyList<Token> tokens, RegionMention m)
    {
        var modifier = m.Start - 2;
        if (m.Length < 2 || modifier < 0 || tokens[m.Start - 1].Text is not ("and" or "or")
            || !tokens[modifier].IsCapitalised || functionWords.Contains(tokens[modifier].Text))
            return null;
        var alias = tokens.Skip(m.Start + 1).Take(m.Length - 1).Select(t => t.Text).Prepend(tokens[modifier].Text).ToList();
        return Gazetteer.Find(alias) is { } region ? new RegionMention(region, modifier, 1, RegionAmbiguity.None) : null;
    }

    /// <summary>
    /// The country a dateline names ("SALVADOR, Feb 26" → Brazil, "ISLAMABAD" → Pakistan, "PORTLAND, Ore., Feb 26" →
    /// United States), or null when no part of it is known. Later parts qualify earlier ones, so they win:
    /// "BIRMINGHAM, Ala." is in the United States, not in England.
    /// </summary>
    public string? FromDateline(string? dateline)
    {
        if (string.IsNullOrWhiteSpace(dateline))
            return null;
        foreach (var part in dateline.Split(',').Select(p => p.Trim().TrimEnd('-', ':', ' ')).Reverse())
        {
            var compact = part.Replace(" ", "").TrimEnd('.');
            var region = datelineAbbreviations.GetValueOrDefault(compact)
                ?? Gazetteer.LookupPhrase(part)?.Name;
            if (region is not null)
                return region;
        }
        return null;
    }

    /// <summary>Reads a tab-separated abbreviation → region file, checking every region against the gazetteer.</summary>
    public static IReadOnlyDictionary<string, string> LoadDatelineAbbreviations(RegionGazetteer gazetteer, string? path = null)
    {
        path ??= DataFile.DefaultPath(DatelineAbbreviationsFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The dateline abbreviations file '{Path.GetFullPath(path)}' does not exist.", path);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || !gazetteer.TryGet(fields[1].Trim(), out _))
                throw DataFile.Invalid(path, "dateline abbreviations", $"line {number} is not 'abbreviation<TAB>known region'.");
            result[fields[0].Trim().TrimEnd('.')] = fields[1].Trim();
        }
        return result;
    }

    // "Michael Jordan", "Chad Smith", "Mr Jordan": a capitalised word beside it that is neither a place nor a function word.
    private bool IsPartOfPersonName(IReadOnlyList<Token> tokens, RegionMention m, IReadOnlyList<RegionMention> all) =>
        IsNameWord(tokens, m.Start - 1, all) || IsNameWord(tokens, m.End, all);

    // "Gulf of Mexico", "Gulf Oil Corp".
    private bool IsPartOfLongerName(IReadOnlyList<Token> tokens, RegionMention m, IReadOnlyList<RegionMention> all) =>
        (m.End < tokens.Count && tokens[m.End].Text == "of") || IsNameWord(tokens, m.End, all);

    // "Atlanta, Georgia", "Savannah, Georgia", "the state of Georgia", "Georgia state"; not "Tbilisi, Georgia" or "Armenia, Georgia".
    private bool IsUsState(IReadOnlyList<Token> tokens, RegionMention m, IReadOnlyList<RegionMention> all)
    {
        if (m.End < tokens.Count && tokens[m.End].Text.Equals("state", StringComparison.OrdinalIgnoreCase))
            return true;
        if (m.Start >= 2 && tokens[m.Start - 1].Text == "of" && tokens[m.Start - 2].Text.Equals("state", StringComparison.OrdinalIgnoreCase))
            return true;
        if (m.Start < 2 || tokens[m.Start - 1].Text != ",")
            return false;
        var before = MentionAt(all, m.Start - 2);
        return before is { } place ? place.Region == unitedStates : IsNameWord(tokens, m.Start - 2, all);
    }

    private bool IsNameWord(IReadOnlyList<Token> tokens, int i, IReadOnlyList<RegionMention> all) =>
        i >= 0 && i < tokens.Count
        && tokens[i].IsWord && tokens[i].IsCapitalised
        && MentionAt(all, i) is null
        && !functionWords.Contains(tokens[i].Text);

    // The gazetteer mention holding token i, if any: a paragraph has a few, so a scan costs less than a map of its tokens.
    private static RegionMention? MentionAt(IReadOnlyList<RegionMention> all, int i)
    {
        for (var k = 0; k < all.Count; k++)
            if (all[k].Start <= i && i < all[k].End)
                return all[k];
        return null;
    }
}
