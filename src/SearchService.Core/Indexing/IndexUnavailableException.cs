namespace SearchService.Core.Indexing;

/// <summary>The index folder cannot be opened for writing: locked by another process, not writable, or not readable as an index.</summary>
/// <param name="unreadable">
/// The folder was locked and writable, but Lucene could not read the index in it (a file corrupt, or missing that its
/// last commit names); a derived copy may then be thrown away and built again.
/// </param>
public sealed class IndexUnavailableException(string path, Exception inner, bool unreadable = false)
    : Exception($"The index folder '{path}' cannot be opened for writing ({inner.Message}). " +
                "Is another SearchService or indexer using it, or is the folder not writable?", inner)
{
    public bool Unreadable { get; } = unreadable;
}
