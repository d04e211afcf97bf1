namespace SearchService.Core.Semantics;

/// <summary>Semantic re-ranking cannot answer now: its model would not load here, or it is busy past the wait allowed.</summary>
public sealed class SemanticRerankUnavailableException(string message, Exception? cause = null) : Exception(message, cause);
