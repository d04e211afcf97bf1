using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>Where indexing writes articles: the live index, or a rebuild that will replace it.</summary>
public interface IArticleWriter
{
    /// <summary>Writes (or replaces) all paragraphs of an article as one block; returns the write's generation.</summary>
    long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file);

    /// <summary>Removes one article, whichever file or API write it came from.</summary>
    long DeleteArticle(string articleId);

    /// <summary>Removes the articles of a corpus file, except those written from the version with <paramref name="keepStamp"/>.</summary>
    long DeleteFileArticles(string relativePath, string? keepStamp = null);

    /// <summary>Records that the index now holds this version of the file.</summary>
    void RecordFile(string relativePath, string stamp);
}
