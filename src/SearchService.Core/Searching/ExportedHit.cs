using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>One match of an export (<see cref="MatchExport"/>): a search hit's fields without its text, snippets or explanation.</summary>
/// <param name="Id">Paragraph id, <c>{articleId}#{paragraph}</c>.</param>
/// <param name="Score">The words' score (BM25, before a question's re-scoring); null without a query.</param>
/// <param name="OtherMatches">With one line per article: how many other paragraphs of the article match.</param>
public sealed record ExportedHit(
    string Id,
    string ArticleId,
    int Paragraph,
    string Title,
    DateTimeOffset? Date,
    string? Source,
    float? Score,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? OtherMatches = null);
