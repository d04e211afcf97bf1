using System.ComponentModel;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The JSON an article is written as (<c>PUT /articles/{id}</c>, and each line of <c>POST /articles/_bulk</c> or of a
/// .jsonl corpus file). It declares the body in the OpenAPI document, so a generated client writes typed articles; the
/// body itself is read by <see cref="Core.Corpus.JsonlArticleReader"/>, the same reader as corpus lines, so a write
/// and a corpus file can never disagree on what an article is.
/// </summary>
[Description("An article: a title and its text, as paragraphs or as a body split at blank lines (one of the two is required).")]
public sealed record ArticleBody(
    [property: Description("The article's id; optional in PUT, where it must be the path's, required on each line of a bulk body.")] string? Id,
    [property: Description("The headline.")] string? Title,
    [property: Description("The text, one string per paragraph; empty strings are dropped. Takes precedence over body.")] IReadOnlyList<string>? Paragraphs,
    [property: Description("The text as one string, split into paragraphs at blank lines; used when paragraphs is absent.")] string? Body,
    [property: Description("Publication date and time (ISO 8601; a date alone is midnight UTC).")] DateTimeOffset? Date,
    [property: Description("Who wrote it, at most 500 characters.")] string? Byline,
    [property: Description("Where it was filed from, as the article's dateline gives it (\"KABUL, Nov 23\").")] string? Dateline,
    [property: Description("Who published it (a wire service, a newspaper).")] string? Source,
    [property: Description("Where the publisher shows it: an absolute http or https address, at most 2,048 characters; search hits link there. Anything else is refused, naming url.")] string? Url,
    [property: Description("The publisher's section (\"Markets\"), at most 500 characters; a filter and facet when Search:FilterFields names section.")] string? Section,
    [property: Description("The article's language as the publisher names it (\"en\"), at most 500 characters.")] string? Language,
    [property: Description("The publisher's own fields: an object of string values (\"desk\": \"Energy\"), at most 32, names of lower-case letters, digits, '_' and '-' from a letter (at most 40), values at most 500 characters. Each is fields.<name> in Search:FilterFields, filters and facets; one beyond these bounds is refused, naming fields.<name>.")] IReadOnlyDictionary<string, string>? Fields);
