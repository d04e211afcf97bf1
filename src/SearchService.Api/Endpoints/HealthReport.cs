namespace SearchService.Api.Endpoints;

/// <summary>What <c>GET /health</c> answers.</summary>
/// <param name="Status">"writesStopped" once a commit or journal write failed (until a restart), else "indexing" while a
/// pass over the corpus runs, else "ready".</param>
/// <param name="Articles">Articles searchable now.</param>
/// <param name="Paragraphs">Paragraphs searchable now.</param>
/// <param name="FilesSkipped">Corpus files that could not be read at all.</param>
/// <param name="LinesSkipped">Lines of .jsonl files that were skipped.</param>
/// <param name="Indexing">Whether indexing is under way.</param>
/// <param name="Skipped">The skipped files and why, the first <see cref="HealthEndpoints.SkippedFilesListed"/> by path.</param>
public sealed record HealthReport(
    string Status, int Articles, int Paragraphs, int FilesSkipped, int LinesSkipped, bool Indexing,
    DateTimeOffset? LastIndexed, IReadOnlyList<SkippedFile> Skipped);

public sealed record SkippedFile(string File, string Reason);
