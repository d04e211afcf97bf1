namespace SearchService.Core.Corpus;

/// <summary>One news article as read from the corpus, before facet extraction.</summary>
/// <param name="Id">Stable id: the <c>id</c> field of a .jsonl line, or the path relative to the corpus folder for a .txt file.</param>
/// <param name="Title">Headline.</param>
/// <param name="Paragraphs">Body paragraphs in order; paragraph n (from 1) gets the id <c>{Id}#{n}</c>.</param>
/// <param name="Date">Publication date, when known.</param>
/// <param name="Byline">Author or desk ("Recorder Report"), when known.</param>
/// <param name="Dateline">Place line ("ISLAMABAD", "SALVADOR, Feb 26"), when known.</param>
/// <param name="Source">Publisher ("Business Recorder"), when known.</param>
/// <param name="Url">Where the publisher shows it: an absolute http or https address (<see cref="PublisherFields"/>).</param>
/// <param name="Section">The publisher's section ("Markets"), when given.</param>
/// <param name="Language">The article's language as the publisher names it ("en"), when given.</param>
/// <param name="Fields">The publisher's own string fields ("desk": "Energy"), by name; null when there are none.</param>
public sealed record Article(
    string Id,
    string Title,
    IReadOnlyList<string> Paragraphs,
    DateTimeOffset? Date = null,
    string? Byline = null,
    string? Dateline = null,
    string? Source = null,
    string? Url = null,
    string? Section = null,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Fields = null)
{
    /// <summary>The id of paragraph <paramref name="n"/> (from 1) of the article <paramref name="articleId"/>.</summary>
    public static string ParagraphId(string articleId, int n) => $"{articleId}#{n}";
}
