namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>GET /health</c> with the operators' key (or where no key is configured). Open: the report may gain
/// fields without breaking a client, so unknown members are skipped; a renamed or missing field fails.
/// <paramref name="LastIndexed"/> is the JSON string as sent.
/// </summary>
public sealed record HealthAnswer(
    string Status,
    int Articles,
    int Paragraphs,
    int FilesSkipped,
    int LinesSkipped,
    bool Indexing,
    string? LastIndexed,
    List<SkippedFileAnswer> Skipped);
