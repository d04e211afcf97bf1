using System.ComponentModel;

namespace SearchService.Api.Analytics;

/// <summary>What a search box reports when a hit is clicked (<c>POST /analytics/click</c>).</summary>
/// <param name="Q">The query whose hit was clicked, as it was sent to /search.</param>
/// <param name="Position">The hit's position over all pages, 1 for the first hit of the first page.</param>
public sealed record ClickReport(
    [property: Description("The query whose hit was clicked, as sent to /search (at most 200 characters).")] string? Q,
    [property: Description("The clicked hit's position over all pages: 1 for the first hit of the first page.")] int? Position);
