using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>One matching paragraph.</summary>
/// <param name="Id">Paragraph id, <c>{articleId}#{paragraph}</c>.</param>
/// <param name="Score">BM25 relevance; null when results are in date order (empty query).</param>
/// <param name="Snippet">HTML-safe best fragment with matches in &lt;mark&gt;.</param>
/// <param name="TitleHighlight">The headline, HTML-safe, with its matches in &lt;mark&gt;.</param>
/// <param name="Text">The whole paragraph as plain text (not HTML).</param>
/// <param name="OtherMatches">When hits are articles: how many other paragraphs of the article match.</param>
public sealed record SearchHit(
    string Id,
    string ArticleId,
    int Paragraph,
    string Title,
    DateTimeOffset? Date,
    string? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's address of the article (absolute http or https), when the article has one; a search box links the hit there.")]
    string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Who wrote the article, when known.")]
    string? Byline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's section of the article (\"Markets\"), when given.")]
    string? Section,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The article's language as the publisher gives it (\"en\"), when given.")]
    string? Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's own fields of the article (\"desk\": \"Energy\"), by name, when it has any.")]
    IReadOnlyDictionary<string, string>? Fields,
    float? Score,
    string Snippet,
    string TitleHighlight,
    string Text,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Only with collapse=article: how many other paragraphs of this article match (paragraphs).")]
    int? OtherMatches = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Only with explain=true and a query: which words matched in which field, and what each added to the score.")]
    HitExplanation? Explanation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Only on a hit an editor pinned for this query (Search:PinnedPath): true. Pinned hits come first, in the editor's order.")]
    bool? Pinned = null);
