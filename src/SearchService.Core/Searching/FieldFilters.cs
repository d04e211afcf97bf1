namespace SearchService.Core.Searching;

/// <summary>
/// A search's publisher-field facets (<see cref="FilterFieldSet"/>): the configured fields, each counted like region,
/// topic and speaker, and the values the request filters each by (values of one field OR-ed, fields AND-ed).
/// </summary>
/// <param name="Counted">The fields Search:FilterFields names ("section", "fields.desk").</param>
/// <param name="Selected">The values asked for, by field; a field without values is not filtered.</param>
public sealed record FieldFilters(IReadOnlyList<string> Counted, IReadOnlyDictionary<string, IReadOnlyList<string>> Selected)
{
    /// <summary>The values asked for of one field; none when it is not filtered.</summary>
    public IReadOnlyList<string> ValuesOf(string field) => Selected.TryGetValue(field, out var values) ? values : [];
}
