namespace SearchService.Core.Indexing;

/// <summary>The pointer to the live generation was renamed into place, but flushing the rename to disk failed.</summary>
public sealed class PointerNotFlushedException(IOException inner)
    : IOException("The switch to the rebuilt index is made, but flushing it to disk failed; a crash may undo it.", inner);
