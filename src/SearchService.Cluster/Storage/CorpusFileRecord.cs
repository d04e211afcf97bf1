namespace SearchService.Cluster.Storage;

/// <summary>A corpus file as the article log holds it: the stamp of the version read and the ids of its articles.</summary>
public sealed record CorpusFileRecord(string Path, string Stamp, IReadOnlyList<string> ArticleIds);
