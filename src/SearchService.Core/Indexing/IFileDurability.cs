namespace SearchService.Core.Indexing;

/// <summary>
/// The steps that make a file replaced by a rename durable: flushing the new file, renaming it over the old one, and
/// flushing the folder that holds the rename. Compaction (<see cref="WriteJournal.Replace"/>) and the rebuild switch
/// (<see cref="IndexLayout.SwitchTo"/>) take them through this seam so that a test can record their order; a kill cannot
/// show an fsync. <see cref="DiskFileDurability"/> does them.
/// </summary>
internal interface IFileDurability
{
    /// <summary>Flushes what was written to <paramref name="file"/> to disk (fsync).</summary>
    void FlushFile(FileStream file);

    /// <summary>Renames <paramref name="from"/> over <paramref name="to"/>.</summary>
    void Rename(string from, string to);

    /// <summary>Makes the entries of <paramref name="folder"/> (files created, renamed or deleted in it) durable.</summary>
    void FlushFolder(string folder);
}
