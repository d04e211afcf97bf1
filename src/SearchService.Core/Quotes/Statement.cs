namespace SearchService.Core.Quotes;

/// <summary>A statement attributed in a paragraph: what was said, by whom, with which verb, and what the paragraph is about.</summary>
/// <param name="Paragraph">The paragraph's number, from 1.</param>
/// <param name="Start">Where the statement's text begins in the paragraph (a character offset).</param>
/// <param name="End">Where it ends, exclusive.</param>
/// <param name="Text">The statement as written: a direct quote without its quotation marks, or the reported clause.</param>
/// <param name="Speaker">The speaker's value, as the speaker facet gives it.</param>
/// <param name="Verb">The reporting verb it is listed under (<see cref="ReportingVerbs"/>): "said", "warned", "according to".</param>
/// <param name="Regions">The regions of its paragraph.</param>
/// <param name="Topics">The topics of its paragraph.</param>
public sealed record Statement(
    int Paragraph,
    int Start,
    int End,
    string Text,
    string Speaker,
    string Verb,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Topics);
