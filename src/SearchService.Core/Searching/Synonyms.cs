using SearchService.Core.Facets;

namespace SearchService.Core.Searching;

/// <summary>
/// Groups of equivalent names ("UN", "United Nations") applied at query time, so that changing them needs no reindex.
/// Read from a text file: one group a line, names separated by commas, <c>#</c> starting a comment line.
/// </summary>
public sealed class Synonyms
{
    public const string DefaultFileName = "synonyms.txt";

    /// <summary>The longest name, in words; longer runs of query words are not looked up.</summary>
    public int LongestName { get; }

    private readonly Dictionary<string, IReadOnlyList<string>> groupsByName;

    private Synonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        groupsByName = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            foreach (var name in group)
                groupsByName[Normalise(name)] = group;
        }
        LongestName = groupsByName.Keys.Select(n => n.Split(' ').Length).DefaultIfEmpty(0).Max();
    }

    public static Synonyms None { get; } = new([]);

    /// <summary>The file at <paramref name="path"/>, or the one shipped in Data/ when null or empty.</summary>
    public static Synonyms Load(string? path = null)
    {
        path = string.IsNullOrWhiteSpace(path) ? DataFile.DefaultPath(DefaultFileName) : path;
        if (!File.Exists(path))
            throw new FileNotFoundException($"The synonyms file '{Path.GetFullPath(path)}' does not exist.", path);
        var groups = new List<IReadOnlyList<string>>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            var names = line.Split(',').Select(Normalise).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count < 2)
                throw DataFile.Invalid(path, "synonyms", $"line {lineNumber} has fewer than two names.");
            groups.Add(names);
        }
        return new Synonyms(groups);
    }

    /// <summary>The other names of <paramref name="name"/> (words joined by single spaces), or none.</summary>
    public IEnumerable<string> Of(string name) =>
        groupsByName.TryGetValue(Normalise(name), out var group)
            ? group.Where(n => !string.Equals(n, Normalise(name), StringComparison.OrdinalIgnoreCase))
            : [];

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
