using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>What <c>GET /suggest</c> answers.</summary>
/// <param name="Q">The text that was completed.</param>
/// <param name="TookMs">Time spent completing it, in milliseconds.</param>
/// <param name="Suggestions">Facet values matching the whole text first, then completions of its last words, most frequent first.</param>
public sealed record SuggestResult(string Q, double TookMs, IReadOnlyList<Suggestion> Suggestions);
