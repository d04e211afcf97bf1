namespace SearchService.Core.Searching;

/// <summary>A query word the index does not know (<paramref name="Typed"/>) and the indexed term searched for it instead.</summary>
public sealed record SpellingCorrection(string Typed, string CorrectedTerm);
