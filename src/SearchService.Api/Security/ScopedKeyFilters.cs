using System.ComponentModel;
using System.Text.Json.Serialization;
using SearchService.Api.Endpoints;
using SearchService.Core.Searching;

namespace SearchService.Api.Security;

/// <summary>
/// The fixed filters of a scoped search key, as <c>POST /keys</c> takes them and a signed key carries them: the
/// filters of <c>/search</c> (values of one field OR-ed, fields AND-ed) plus the publisher.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[Description("What a scoped key may see: only paragraphs passing every filter given. Values of one field are OR-ed, fields AND-ed; a field left out does not limit.")]
public sealed record ScopedKeyFilters(
    [property: Description("Regions (a region includes the places within it, as in /search).")] IReadOnlyList<string>? Region = null,
    [property: Description("Topics.")] IReadOnlyList<string>? Topic = null,
    [property: Description("Speakers.")] IReadOnlyList<string>? Speaker = null,
    [property: Description("Publishers, exactly as articles name them (\"Business Recorder\").")] IReadOnlyList<string>? Source = null,
    [property: Description("Only articles published on or after this: a day (2021-01-01) or a date and time.")] string? From = null,
    [property: Description("Only articles published on or before this: a day (2021-12-31, to its end) or a date and time.")] string? To = null,
    [property: Description("The publisher's other fields, by name (byline, section, language, fields.<name>), each with the values allowed, matched exactly: {\"section\": [\"Markets\"]}. Any publisher field may be fixed, whether or not Search:FilterFields makes it a filter.")]
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Fields = null)
{
    public const int MaxValues = SearchScopeParameters.MaxFilterValues;

    /// <summary>The scope these filters allow, or what is wrong with them.</summary>
    public string? Problem(out SearchScope scope)
    {
        scope = null!;
        if (Fields?.Keys.FirstOrDefault(f => !FilterFieldSet.IsPublisherField(f)) is { } unknown)
            return $"filters.fields names '{unknown}', which is not a publisher field (byline, section, language, fields.<name>).";
        var fields = new[] { ("region", Region), ("topic", Topic), ("speaker", Speaker), ("source", Source) }
            .Concat((Fields ?? new Dictionary<string, IReadOnlyList<string>>()).Select(kv => ($"fields.{kv.Key}", (IReadOnlyList<string>?)kv.Value)));
        foreach (var (name, values) in fields)
        {
            if (values is { Count: > MaxValues })
                return $"filters.{name} may hold at most {MaxValues} values; it has {values.Count}.";
            if (values is not null && values.Any(string.IsNullOrWhiteSpace))
                return $"filters.{name} holds an empty value; leave the field out to not limit it.";
        }
        DateTimeOffset? from = null, to = null;
        if (From is not null)
        {
            if (!DateBound.TryParse(From.Trim(), endOfDay: false, out var bound))
                return $"filters.from must be {DateBound.Forms}.";
            from = bound;
        }
        if (To is not null)
        {
            if (!DateBound.TryParse(To.Trim(), endOfDay: true, out var bound))
                return $"filters.to must be {DateBound.Forms}.";
            to = bound;
        }
        if (from > to)
            return "filters.to is before filters.from.";
        scope = new SearchScope(Trimmed(Region), Trimmed(Topic), Trimmed(Speaker), Trimmed(Source),
            from is null && to is null ? null : new DateRange(from, to),
            Fields?.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)Trimmed(kv.Value)!, StringComparer.Ordinal));
        return null;
    }

    private static string[]? Trimmed(IReadOnlyList<string>? values) => values?.Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
}
