using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>Finds the articles most like one article: over one index (<see cref="RelatedArticleFinder"/>) or over its shards.</summary>
public interface IRelatedArticleFinder
{
    /// <summary>Whether related articles can be found by meaning here.</summary>
    bool CanUseMeaning { get; }

    /// <summary>The related articles, or null when no article has the id (or the request's scope leaves it out).</summary>
    /// <exception cref="SemanticRerankUnavailableException">Meaning was asked for and the model cannot answer now.</exception>
    Task<RelatedArticles?> FindAsync(RelatedRequest request);
}
