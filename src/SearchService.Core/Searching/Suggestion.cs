namespace SearchService.Core.Searching;

/// <summary>One completion of what the user is typing.</summary>
/// <param name="Text">The whole query to search for, or the facet value to filter by.</param>
/// <param name="Kind"><c>term</c> (words from the paragraphs), <c>query</c> (a query often searched) or the facet it is a value of: <c>region</c>, <c>topic</c>, <c>speaker</c>.</param>
/// <param name="Count">Paragraphs containing the completed words, or carrying the facet value; for a query, the times it was searched.</param>
public sealed record Suggestion(string Text, string Kind, int Count);
