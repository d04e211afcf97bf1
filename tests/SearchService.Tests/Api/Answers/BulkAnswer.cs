namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>POST /articles/_bulk</c>. Open: the answer may gain fields without breaking a client, so unknown
/// members are skipped; a renamed or missing field fails.
/// </summary>
public sealed record BulkAnswer(int Lines, int Written, int Failed, List<BadLineAnswer> Errors);
