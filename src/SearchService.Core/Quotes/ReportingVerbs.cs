using SearchService.Core.Facets;

namespace SearchService.Core.Quotes;

/// <summary>
/// The verbs a statement is reported with, from <c>Data/reporting-verbs.tsv</c>: each written form ("says", "warns",
/// "according to") and the verb its statements are listed under ("said", "warned", "according to").
/// </summary>
public sealed class ReportingVerbs
{
    public const string DefaultFileName = "reporting-verbs.tsv";
    private const string What = "reporting verbs";

    private readonly Dictionary<string, string> verbs;

    private ReportingVerbs(Dictionary<string, string> verbs) => this.verbs = verbs;

    /// <summary>Every verb statements are listed under, in the file's order.</summary>
    public IReadOnlyList<string> All => verbs.Values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The verb a written form reports with, or null when it reports no statement.</summary>
    public string? Of(string written) => verbs.GetValueOrDefault(written);

    /// <summary>The verb of the attribution at <paramref name="start"/>..<paramref name="end"/>, or null.</summary>
    public string? Of(IReadOnlyList<Token> tokens, int start, int end) =>
        Of(string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i].Text.ToLowerInvariant())));

    /// <summary>Loads the verbs; null means the default file shipped in <c>Data/</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is not <c>form&lt;TAB&gt;verb</c>, or there is none; the message names the file.</exception>
    public static ReportingVerbs Load(string? path = null)
    {
        path ??= DataFile.DefaultPath(DefaultFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The reporting verbs file '{Path.GetFullPath(path)}' does not exist.", path);
        var verbs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || fields.Any(f => f.Trim().Length == 0))
                throw DataFile.Invalid(path, What, $"line {number} is not 'form<TAB>verb'.");
            verbs[fields[0].Trim()] = fields[1].Trim();
        }
        if (verbs.Count == 0)
            throw DataFile.Invalid(path, What, "it has no verbs.");
        return new ReportingVerbs(verbs);
    }
}
