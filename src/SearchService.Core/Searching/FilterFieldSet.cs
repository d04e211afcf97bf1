using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The publisher fields that Search:FilterFields makes filters and facets beside region, topic and speaker: any of
/// source, byline, section, language and <c>fields.&lt;name&gt;</c>. Every one of them is indexed whatever the setting
/// (<see cref="Indexing.IndexSchema.Section"/>), so the setting can change without indexing again.
/// </summary>
public sealed class FilterFieldSet
{
    /// <summary>The publisher fields with a name of their own; the others are <c>fields.&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> NamedFields = [IndexSchema.Source, IndexSchema.Byline, IndexSchema.Section, IndexSchema.Language];

    public static readonly FilterFieldSet None = new([]);

    private FilterFieldSet(IReadOnlyList<string> names) => Names = names;

    /// <summary>The configured fields, in the setting's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The set a Search:FilterFields setting names (comma-separated); a name that is no publisher field is an <see cref="ArgumentException"/>.</summary>
    public static FilterFieldSet Parse(string? setting) =>
        Problem(setting) is { } problem ? throw new ArgumentException(problem, nameof(setting)) : new FilterFieldSet(Split(setting));

    /// <summary>What is wrong with a Search:FilterFields setting, or null.</summary>
    public static string? Problem(string? setting) =>
        Split(setting).FirstOrDefault(n => !IsPublisherField(n)) is { } wrong
            ? $"Search:FilterFields names '{wrong}', which is not a publisher field: the fields are {string.Join(", ", NamedFields)} and " +
              "fields.<name> (lower-case letters, digits, '_' and '-', from a letter)."
            : null;

    /// <summary>Whether <paramref name="name"/> is a configured filter field.</summary>
    public bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The configured field a query-string parameter names, whatever its case (<c>Section</c> is <c>section</c>, as
    /// ASP.NET Core binds every declared parameter), or null.
    /// </summary>
    public string? Named(string parameter) => Names.FirstOrDefault(n => string.Equals(n, parameter, StringComparison.OrdinalIgnoreCase));

    private static List<string> Split(string? setting) =>
        (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="name"/> names a publisher field, configured or not (source, section, fields.desk ...).</summary>
    public static bool IsPublisherField(string name) =>
        NamedFields.Contains(name, StringComparer.Ordinal)
        || (name.StartsWith(PublisherFields.FieldPrefix, StringComparison.Ordinal) && PublisherFields.IsFieldName(name[PublisherFields.FieldPrefix.Length..]));
}
