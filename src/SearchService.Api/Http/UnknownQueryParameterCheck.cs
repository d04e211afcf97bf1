using System.Collections.Concurrent;
using System.Reflection;
using Lucene.Net.Util.Automaton;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using SearchService.Api.Endpoints;
using SearchService.Api.Problems;

namespace SearchService.Api.Http;

/// <summary>
/// Refuses a query-string parameter the endpoint does not take with a 400 naming it, as Elasticsearch refuses an
/// unrecognized parameter: ignored, a mistyped filter (<c>regoin=France</c>) would answer with every region's hits and
/// counts as if filtered. The names taken are the endpoint's own, read from its parameters as binding reads them;
/// publisher fields (<c>section</c>, <c>fields.desk</c>) are left to <see cref="FilterFieldQuery"/> where the endpoint
/// filters by them. Endpoints marked <see cref="AnyQueryParameters"/> are passed by.
/// </summary>
public sealed class UnknownQueryParameterCheck(RequestDelegate next)
{
    private readonly ConcurrentDictionary<RouteEndpoint, TakenNames?> taken = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && taken.GetOrAdd(endpoint, TakenNames.Of) is { } names)
        {
            foreach (var name in context.Request.Query.Keys)
            {
                if (!names.Takes(name))
                {
                    var echoed = ParameterProblem.Echo(name);
                    return ParameterProblem.For(echoed, names.Refusal(echoed, endpoint)).ExecuteAsync(context);
                }
            }
        }
        return next(context);
    }

    private sealed class TakenNames(HashSet<string> declared, bool publisherFields)
    {
        /// <summary>The names <paramref name="endpoint"/> takes; null when it takes any.</summary>
        public static TakenNames? Of(RouteEndpoint endpoint)
        {
            if (endpoint.Metadata.GetMetadata<AnyQueryParameters>() is not null)
                return null;
            var declared = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .Select(parameter => QueryName(parameter, endpoint))
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var filtersByFields = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && FilterFieldQuery.Operations.Contains(name.EndpointName);
            return new TakenNames(declared, filtersByFields);
        }

        public bool Takes(string name) =>
            declared.Contains(name) || (publisherFields && FilterFieldQuery.NamesPublisherField(name));

        public string Refusal(string name, RouteEndpoint endpoint)
        {
            var route = endpoint.RoutePattern.RawText ?? "this endpoint";
            var names = declared.Order(StringComparer.Ordinal).ToList();
            var takes = names.Count == 0 ? "it takes no query parameters" : $"it takes {string.Join(", ", names)}";
            var fields = publisherFields ? " and the publisher fields Search:FilterFields names" : "";
            var meant = Nearest(name, names) is { } near ? $" (did you mean '{near}'?)" : "";
            return $"'{name}' is not a parameter of {route}{meant}: {takes}{fields}.";
        }

        /// <summary>The name taken within the fewest edits of <paramref name="name"/>, at most two (a typo); null when none is.</summary>
        private static string? Nearest(string name, IReadOnlyList<string> names)
        {
            var levenshtein = new LevenshteinAutomata(name.ToLowerInvariant(), withTranspositions: true);
            for (var edits = 1; edits <= MaxEdits; edits++)
            {
                var within = levenshtein.ToAutomaton(edits);
                if (names.FirstOrDefault(taken => BasicOperations.Run(within, taken.ToLowerInvariant())) is { } near)
                    return near;
            }
            return null;
        }

        private const int MaxEdits = 2;

        /// <summary>
        /// The query-string name of a parameter bound from the query string, as binding decides: named by
        /// <c>[FromQuery]</c>, or a value (a string or a type that parses) that is neither in the route nor bound from
        /// elsewhere; null for any other.
        /// </summary>
        private static string? QueryName(IParameterBindingMetadata parameter, RouteEndpoint route)
        {
            if (QueryValueCheck.FromQuery(parameter) is { } named)
                return named;
            var info = parameter.ParameterInfo;
            var boundElsewhere = info.GetCustomAttributes().Any(a => a is FromRouteAttribute or FromHeaderAttribute or FromBodyAttribute
                or FromServicesAttribute or FromFormAttribute or FromKeyedServicesAttribute or AsParametersAttribute);
            var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
            var isValue = parameter.HasTryParse || type == typeof(string) || type == typeof(string[]) || type == typeof(StringValues);
            return !boundElsewhere && isValue && route.RoutePattern.GetParameter(parameter.Name) is null ? parameter.Name : null;
        }
    }
}
