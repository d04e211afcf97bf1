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

    private const string ClauseMark = "clause";

    private readonly Dictionary<string, string> verbs;
    private readonly HashSet<string> clauseOnly;

    private ReportingVerbs(Dictionary<string, string> verbs, HashSet<string> clauseOnly)
    {
        this.verbs = verbs;
        this.clauseOnly = clauseOnly;
    }

    /// <summary>Every verb statements are listed under, in the file's order.</summary>
    public IReadOnlyList<string> All => verbs.Values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The verb a written form reports with, or null when it reports no statement.</summary>
    public string? Of(string written) => verbs.GetValueOrDefault(written);

    /// <summary>
    /// Whether the written form reports a statement after it only when "that", a colon or a quotation follows ("added
    /// that …"; not "added 8p", "reported a loss"). Such a form ending its sentence ("…, he added.") still reports one.
    /// </summary>
    public bool NeedsClause(IReadOnlyList<Token> tokens, int start, int end) =>
        clauseOnly.Contains(string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i].Text.ToLowerInvariant())));

    /// <summary>The verb of the attribution at <paramref name="start"/>..<paramref name="end"/>, or null.</summary>
    public string? Of(IReadOnlyList<Token> tokens, int start, int end) =>
        Of(string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i].Text.ToLowerInvariant())));

    /// <summary>Loads the verbs; null means the default file shipped in <c>Data/</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is not <c>form&lt;TAB&gt;verb</c> (and optionally <c>&lt;TAB&gt;clause</c>), or there is none; the message names the file.</exception>
    public static ReportingVerbs Load(string? path = null)
    {
        path ??= DataFile.DefaultPath(DefaultFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The reporting verbs file '{Path.GetFullPath(path)}' does not exist.", path);
        var verbs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clauseOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length is < 2 or > 3 || fields.Any(f => f.Trim().Length == 0) || (fields.Length == 3 && fields[2].Trim() != ClauseMark))
                throw DataFile.Invalid(path, What, $"line {number} is not 'form<TAB>verb', optionally followed by '<TAB>{ClauseMark}'.");
            verbs[fields[0].Trim()] = fields[1].Trim();
            if (fields.Length == 3)
                clauseOnly.Add(fields[0].Trim());
        }
        if (verbs.Count == 0)
            throw DataFile.Invalid(path, What, "it has no verbs.");
        return new ReportingVerbs(verbs, clauseOnly);
    }
}
