using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;

namespace SearchService.Api.Endpoints;

/// <summary>Query-string parameters of <c>GET /analytics</c>.</summary>
public sealed class AnalyticsParameters
{
    public const int DefaultDays = 7;
    public const int MaxSize = 100;

    [Example("2026-11-27")]
    [FromQuery(Name = "from")]
    [Description("First day counted, yyyy-MM-dd (UTC); default: six days before to.")]
    public string? From { get; init; }

    [Example("2026-12-03")]
    [FromQuery(Name = "to")]
    [Description("Last day counted, yyyy-MM-dd (UTC), included; default: today.")]
    public string? To { get; init; }

    [Example("10")]
    [FromQuery(Name = "size")]
    [Description($"Queries in each top list, 1 to 100 (default 10).")]
    public int? Size { get; init; }

    public ProblemHttpResult? Validate(DateOnly today, out DateOnly from, out DateOnly to, out int size)
    {
        from = default;
        size = Size ?? 10;
        if (!ReadDay("to", To, today, out to, out var problem) || !ReadDay("from", From, to.AddDays(1 - DefaultDays), out from, out problem))
            return problem;
        if (from > to)
            return ParameterProblem.For("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        if (size is < 1 or > MaxSize)
            return ParameterProblem.For("size", $"size must be between 1 and {MaxSize}; it was {size}.");
        return null;
    }

    private static bool ReadDay(string name, string? text, DateOnly absent, out DateOnly day, out ProblemHttpResult? problem)
    {
        problem = null;
        day = absent;
        if (string.IsNullOrWhiteSpace(text)
            || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return true;
        problem = ParameterProblem.For(name, $"{name} must be a day, yyyy-MM-dd (such as 2026-12-03), not '{ParameterProblem.Echo(text)}'.");
        return false;
    }
}
