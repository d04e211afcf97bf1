namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>GET /articles/{id}</c>. Open: an article may gain metadata without breaking a client, so unknown
/// members are skipped; a renamed or missing field fails. <paramref name="Date"/> is the JSON string as sent.
/// </summary>
public sealed record ArticleAnswer(
    string Id,
    string Title,
    string? Date,
    string? Byline,
    string? Dateline,
    string? Source,
    List<string> Region,
    List<string> Topic,
    List<string> Speaker,
    List<ArticleParagraphAnswer> Paragraphs,
    string? Url = null,
    string? Section = null,
    string? Language = null,
    Dictionary<string, string>? Fields = null);
