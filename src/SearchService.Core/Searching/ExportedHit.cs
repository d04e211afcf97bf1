using System.ComponentModel;
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's address of the article, when it has one.")]
    string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Who wrote the article, when known.")]
    string? Byline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's section of the article, when given.")]
    string? Section,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The article's language as the publisher gives it, when given.")]
    string? Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's own fields of the article, by name, when it has any.")]
    IReadOnlyDictionary<string, string>? Fields,
    float? Score,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? OtherMatches = null);
