namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>GET /suggest</c>. Open: the answer may gain fields without breaking a client, so unknown members are
/// skipped; a renamed or missing field fails.
/// </summary>
public sealed record SuggestAnswer(string Q, double TookMs, List<SuggestionAnswer> Suggestions);
