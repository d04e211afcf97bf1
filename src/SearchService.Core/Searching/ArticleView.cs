using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>A whole article as indexed: metadata, article-level facets and every paragraph in order.</summary>
public sealed record ArticleView(
    string Id,
    string Title,
    DateTimeOffset? Date,
    string? Byline,
    string? Dateline,
    string? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's address of the article (absolute http or https), when it has one.")]
    string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's section of the article (\"Markets\"), when given.")]
    string? Section,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The article's language as the publisher gives it (\"en\"), when given.")]
    string? Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher's own fields of the article (\"desk\": \"Energy\"), by name, when it has any.")]
    IReadOnlyDictionary<string, string>? Fields,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker,
    IReadOnlyList<ArticleParagraph> Paragraphs);
