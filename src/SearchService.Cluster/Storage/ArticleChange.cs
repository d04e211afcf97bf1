using SearchService.Core.Corpus;

namespace SearchService.Cluster.Storage;

/// <summary>
/// One change read from the article log: the article as written at <paramref name="Version"/>, or, when
/// <paramref name="Article"/> is null, the deletion of <paramref name="Id"/> at that version.
/// </summary>
public sealed record ArticleChange(long Version, string Id, Article? Article);
