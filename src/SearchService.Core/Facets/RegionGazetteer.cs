namespace SearchService.Core.Facets;

/// <summary>
/// The place names of <c>Data/regions.json</c> (see Data/README.md for how it is generated): finds mentions of
/// countries and regions in tokenised text, and knows the region hierarchy (Pakistan → South Asia → Asia).
/// Matching is case-sensitive so "us" and "turkey" stay ordinary words, and longest-first so "New Mexico"
/// is never Mexico. Immutable after loading, so safe to share between threads.
/// </summary>
public sealed class RegionGazetteer
{
    public const string DefaultFileName = "regions.json";
    private const string What = "region gazetteer";

    private readonly Dictionary<string, RegionEntry> byName;
    private readonly Dictionary<string, Alias[]> byFirstToken;
    private readonly Dictionary<string, Alias[]> byFirstTokenUpper;
    private readonly Dictionary<string, RegionEntry> byUpperPhrase;

    private sealed record Alias(string[] Tokens, RegionEntry Region, RegionAmbiguity Ambiguity);

    private RegionGazetteer(string source, IReadOnlyList<RegionEntry> entries, IReadOnlyDictionary<string, RegionAmbiguity> ambiguity)
    {
        Source = source;
        Entries = entries;
        byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

        var aliases = entries
            .SelectMany(e => e.Aliases.Prepend(e.Name).Select(a => new Alias(
                TextTokens.Tokenize(a).Select(t => t.Text).ToArray(), e, ambiguity.GetValueOrDefault(a))))
            .Where(a => a.Tokens.Length > 0)
            .ToList();
        byFirstToken = Index(aliases, StringComparer.Ordinal);
        // In all-caps headlines only distinctive names are safe: "US" there may be the pronoun, "CHAD" the man.
        byFirstTokenUpper = Index(
            aliases.Where(a => a.Ambiguity == RegionAmbiguity.None && a.Tokens.Sum(t => t.Length) >= 4),
            StringComparer.OrdinalIgnoreCase);

        // Datelines are upper case ("NEW YORK, March 3"); a spelling shared by two places would be a guess, so it is left out.
        byUpperPhrase = aliases
            .GroupBy(a => string.Join(' ', a.Tokens).ToUpperInvariant())
            .Where(g => g.Select(a => a.Region).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Region, StringComparer.Ordinal);
    }

    private static Dictionary<string, Alias[]> Index(IEnumerable<Alias> aliases, StringComparer comparer) =>
        aliases.GroupBy(a => a.Tokens[0], comparer)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Tokens.Length).ToArray(), comparer);

    /// <summary>Where the data came from (the file's <c>source</c> line).</summary>
    public string Source { get; }

    public IReadOnlyList<RegionEntry> Entries { get; }

    /// <summary>Loads the gazetteer; null means the default file shipped in <c>Data/</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks the format's rules.</exception>
    public static RegionGazetteer Load(string? path = null)
    {
        path ??= DataFile.DefaultPath(DefaultFileName);
        var file = DataFile.ReadJson<RegionsFile>(path, What);
        if (file.Entries is not { Count: > 0 })
            throw DataFile.Invalid(path, What, "it has no \"entries\".");

        var entries = new List<RegionEntry>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in file.Entries)
        {
            if (string.IsNullOrWhiteSpace(e.Name))
                throw DataFile.Invalid(path, What, "an entry has no \"name\".");
            if (e.Kind is not (RegionEntry.Country or RegionEntry.Region))
                throw DataFile.Invalid(path, What, $"entry '{e.Name}' has kind '{e.Kind}', expected 'country' or 'region'.");
            foreach (var alias in (e.Aliases ?? []).Prepend(e.Name))
            {
                if (owner.TryGetValue(alias, out var other) && other != e.Name)
                    throw DataFile.Invalid(path, What, $"'{alias}' names both '{other}' and '{e.Name}'.");
                owner[alias] = e.Name;
            }
            entries.Add(new RegionEntry(e.Name, e.Kind, e.Code, e.Parent, e.Aliases ?? [], e.Historical));
        }

        var names = entries.Select(e => e.Name).ToHashSet();
        foreach (var e in entries.Where(e => e.Parent is not null && !names.Contains(e.Parent)))
            throw DataFile.Invalid(path, What, $"the parent '{e.Parent}' of '{e.Name}' is not an entry.");

        var ambiguity = new Dictionary<string, RegionAmbiguity>(StringComparer.Ordinal);
        foreach (var (alias, kinds) in file.Ambiguity ?? [])
            ambiguity[alias] = kinds.Aggregate(RegionAmbiguity.None, (acc, k) => acc | k switch
            {
                "person" => RegionAmbiguity.Person,
                "us-state" => RegionAmbiguity.UsState,
                "name-part" => RegionAmbiguity.NamePart,
                _ => throw DataFile.Invalid(path, What, $"'{alias}' has the unknown ambiguity '{k}'."),
            });

        var gazetteer = new RegionGazetteer(file.Source ?? "", entries, ambiguity);
        foreach (var e in entries)
            gazetteer.Ancestors(e.Name); // rejects a cycle now rather than on first use
        return gazetteer;
    }

    public bool TryGet(string name, out RegionEntry entry) => byName.TryGetValue(name, out entry!);

    /// <summary>Enclosing regions from the nearest up: "Pakistan" → ["South Asia", "Asia"]. Empty for an unknown name.</summary>
    public IReadOnlyList<string> Ancestors(string region)
    {
        var result = new List<string>();
        for (var e = byName.GetValueOrDefault(region); e?.Parent is { } parent; e = byName.GetValueOrDefault(parent))
        {
            if (result.Contains(parent) || parent == region)
                throw new InvalidDataException($"The {What} has a cycle in the parents of '{region}'.");
            result.Add(parent);
        }
        return result;
    }

    /// <summary>The place whose name or alias is exactly these tokens (case-sensitive), or null.</summary>
    public RegionEntry? Find(IReadOnlyList<string> aliasTokens) =>
        aliasTokens.Count > 0 && byFirstToken.TryGetValue(aliasTokens[0], out var candidates)
            ? candidates.FirstOrDefault(a => a.Tokens.SequenceEqual(aliasTokens, StringComparer.Ordinal))?.Region
            : null;

    /// <summary>The place a whole phrase names, ignoring case ("ISLAMABAD", "NEW YORK"); for datelines.</summary>
    public RegionEntry? LookupPhrase(string phrase)
    {
        var key = string.Join(' ', TextTokens.Tokenize(phrase).Select(t => t.Text)).ToUpperInvariant();
        return byUpperPhrase.GetValueOrDefault(key);
    }

    /// <summary>
    /// All alias occurrences, longest first and without overlaps, before any reading of context.
    /// <paramref name="shouting"/> text (all caps) is matched ignoring case, on unambiguous names only.
    /// </summary>
    public IReadOnlyList<RegionMention> FindMentions(IReadOnlyList<Token> tokens, bool shouting = false)
    {
        var index = shouting ? byFirstTokenUpper : byFirstToken;
        var comparison = shouting ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        List<RegionMention>? mentions = null; // most paragraphs name no place
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !index.TryGetValue(tokens[i].Text, out var candidates)
                || FirstMatch(tokens, i, candidates, comparison) is not { } match)
                continue;
            (mentions ??= []).Add(new RegionMention(match.Region, i, match.Tokens.Length, match.Ambiguity));
            i += match.Tokens.Length - 1;
        }
        return mentions ?? (IReadOnlyList<RegionMention>)[];
    }

    private static Alias? FirstMatch(IReadOnlyList<Token> tokens, int start, Alias[] candidates, StringComparison comparison)
    {
        foreach (var alias in candidates)
            if (Matches(tokens, start, alias.Tokens, comparison))
                return alias;
        return null;
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int start, string[] alias, StringComparison comparison)
    {
        if (start + alias.Length > tokens.Count)
            return false;
        for (var k = 0; k < alias.Length; k++)
            if (!string.Equals(tokens[start + k].Text, alias[k], comparison))
                return false;
        return true;
    }

    private sealed class RegionsFile
    {
        public string? Source { get; set; }
        public Dictionary<string, string[]>? Ambiguity { get; set; }
        public List<EntryJson>? Entries { get; set; }
    }

    private sealed class EntryJson
    {
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Code { get; set; }
        public string? Parent { get; set; }
        public List<string>? Aliases { get; set; }
        public bool Historical { get; set; }
    }
}
