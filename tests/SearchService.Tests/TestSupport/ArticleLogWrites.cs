using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;

namespace SearchService.Tests.TestSupport;

/// <summary>Writes to the article log as the cluster's writers make them: each article with the facets extracted from it.</summary>
public static class ArticleLogWrites
{
    public static Task<long> PutAsync(this PostgresArticleLog log, Article article) =>
        log.PutAsync(article, Facets.Facets.Extractor.Extract(article));

    public static Task<long> PutManyAsync(this PostgresArticleLog log, IEnumerable<Article> articles) =>
        log.PutManyAsync(articles.Select(article => new FacetedArticle(article, Facets.Facets.Extractor.Extract(article))).ToList());
}
