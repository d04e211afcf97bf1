using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The publisher-field filters of a query string (<c>section=Markets&amp;fields.desk=Energy</c>): their names are the
/// configuration's (Search:FilterFields, <see cref="FilterFieldSet"/>), so they are read from the query string rather
/// than bound as declared parameters; <see cref="OpenApi.FilterFieldsTransformer"/> declares them in the document.
/// </summary>
public static class FilterFieldQuery
{
    /// <summary>The operations that take them: whatever takes /search's filters.</summary>
    public static readonly IReadOnlyList<string> Operations = ["Search", "FacetValues", "Export", "RelatedArticles"];

    /// <summary>
    /// The request with the configured fields counted as facets and filtered by the values given; or a problem naming a
    /// publisher field the query string gives that is not configured (an unknown field), or one given too many values.
    /// Names are read whatever their case, as ASP.NET Core reads the declared parameters (<c>Section=Markets</c> filters).
    /// </summary>
    public static ProblemHttpResult? Apply(FilterFieldSet configured, IQueryCollection query, SearchRequest request, out SearchRequest withFields)
    {
        withFields = request;
        var selected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, given) in query)
        {
            if (configured.Named(name) is not { } field)
            {
                if (NamesPublisherField(name))
                    return ParameterProblem.For(name, Unknown(configured, name));
                continue;
            }
            if (given.Count > SearchScopeParameters.MaxFilterValues)
                return ParameterProblem.For(name, $"At most {SearchScopeParameters.MaxFilterValues} {name} values may be given at once; there were {given.Count}.");
            var values = SearchScopeParameters.Clean(given.ToArray()!);
            if (values.Length > 0)
                selected[field] = values;
        }
        if (configured.Names.Count > 0)
            withFields = request with { Fields = new FieldFilters(configured.Names, selected) };
        return null;
    }

    /// <summary>Whether a query-string name is a publisher field's (<c>section</c>, <c>fields.desk</c>), configured or not, in any case.</summary>
    public static bool NamesPublisherField(string name)
    {
        var lower = name.ToLowerInvariant();
        return FilterFieldSet.IsPublisherField(lower) || lower.StartsWith(Core.Corpus.PublisherFields.FieldPrefix, StringComparison.Ordinal);
    }

    /// <summary>Why <paramref name="name"/> is not a field to filter or count by here.</summary>
    public static string Unknown(FilterFieldSet configured, string name) =>
        configured.Names.Count == 0
            ? $"'{name}' is not a filter here: Search:FilterFields names no publisher field."
            : $"'{name}' is not a filter here: Search:FilterFields names {string.Join(", ", configured.Names)}.";
}
