namespace SearchService.Core.Indexing;

/// <summary>The index folder cannot be opened for writing: locked by another process, or not writable.</summary>
public sealed class IndexUnavailableException(string path, Exception inner)
    : Exception($"The index folder '{path}' cannot be opened for writing ({inner.Message}). " +
                "Is another SearchService or indexer using it, or is the folder not writable?", inner);
