using System.ComponentModel;

namespace SearchService.Core.Quotes;

/// <summary>One statement found.</summary>
public sealed record QuoteHit(
    [property: Description("The statement's text, HTML-encoded, with the query's words in <mark>.")] string Text,
    [property: Description("Who said it, as the speaker facet names them.")] string Speaker,
    [property: Description("The reporting verb it is listed under: said, warned, denied, according to…")] string Verb,
    string ArticleId,
    [property: Description("The article's headline, HTML-encoded.")] string Title,
    [property: Description("The paragraph's number in the article, from 1.")] int Paragraph,
    [property: Description("Publication date (ISO 8601), when known.")] string? Date,
    [property: Description("BM25 score of the statement's text; null when q is empty.")] float? Score);
