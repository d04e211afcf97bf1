using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>Closing an index writer so that its folder can be opened again, whether or not the close succeeds.</summary>
public static class WriterClosing
{
    /// <summary>
    /// Closes <paramref name="writer"/>, committing what it holds when <paramref name="keepChanges"/>, else dropping it.
    /// A close that fails (the folder deleted under it, a full disk) leaves the write lock held, as Lucene documents,
    /// and this process could never open the folder again: the writer is then rolled back, which releases the lock, and
    /// the failure goes on to the caller.
    /// </summary>
    public static void Close(IndexWriter writer, bool keepChanges)
    {
        if (!keepChanges)
        {
            writer.Rollback();
            return;
        }
        try
        {
            writer.Dispose();
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }
}
