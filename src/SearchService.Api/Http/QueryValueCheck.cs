using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Http;

/// <summary>
/// Before an endpoint runs, checks that every query-string value of its parsable parameters (numbers, true/false)
/// parses, and fails the request as binding would: a <see cref="BadHttpRequestException"/> that
/// <see cref="Problems.ProblemExceptionHandler"/> answers with a problem naming the parameter. The endpoints' request
/// delegates are generated at compile time (ASP.NET Core's Request Delegate Generator, for a faster start), and those
/// answer such a value of an <c>[AsParameters]</c> property with a bare 400 that names nothing.
/// </summary>
public sealed class QueryValueCheck(RequestDelegate next)
{
    private readonly ConcurrentDictionary<Endpoint, QueryValue[]> checks = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            foreach (var value in checks.GetOrAdd(endpoint, QueryValuesOf))
            {
                // As reflection-built binding reads a value: several are joined with commas (so fail), and an empty one is
                // not a number (the generated binding would take both as absent).
                var values = context.Request.Query[value.Name];
                if (values.Count > 0 && values.ToString() is var text && !value.Parses(text))
                    throw new BadHttpRequestException($"Failed to bind parameter \"{value.TypeName} {value.Name}\" from \"{text}\".");
            }
        }
        return next(context);
    }

    private static QueryValue[] QueryValuesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(parameter => parameter.HasTryParse && FromQuery(parameter) is not null)
            .Select(parameter => QueryValue.Of(FromQuery(parameter)!, parameter.ParameterInfo.ParameterType))
            .OfType<QueryValue>()
            .ToArray();

    /// <summary>The query-string name of a parameter bound from the query string, or null.</summary>
    internal static string? FromQuery(IParameterBindingMetadata parameter) =>
        parameter.ParameterInfo.GetCustomAttribute<FromQueryAttribute>() is { } attribute ? attribute.Name ?? parameter.Name : null;

    private sealed record QueryValue(string Name, string TypeName, Func<string, bool> Parses)
    {
        /// <summary>The check of a value of <paramref name="type"/> (or its nullable form), or null when it is not <see cref="IParsable{TSelf}"/>.</summary>
        public static QueryValue? Of(string name, Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (!underlying.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>)))
                return null;
            var parses = typeof(QueryValue).GetMethod(nameof(ParsesAs), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(underlying).CreateDelegate<Func<string, bool>>();
            return new QueryValue(name, underlying.Name, parses);
        }

        // As the generated binding parses: IParsable with the invariant culture.
        private static bool ParsesAs<T>(string text) where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out _);
    }
}
