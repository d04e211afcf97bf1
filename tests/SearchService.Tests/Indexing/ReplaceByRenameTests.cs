using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>
/// The order of the file-system steps that make compaction and the rebuild switch survive a crash: the new file is
/// written and fsynced, then renamed over the old one, then its folder is fsynced so the rename itself is on disk. A
/// kill cannot show an fsync (the page cache outlives the process), so the steps are recorded as they are done.
/// </summary>
public sealed class ReplaceByRenameTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void Compaction_fsyncs_the_written_journal_renames_it_over_the_old_one_then_fsyncs_the_folder()
    {
        var steps = new RecordingFileDurability();
        using var service = new WritableIndex(folder.Path, journalFile: new WriteJournal(folder.Path, RandomAccess.FlushToDisk, steps));
        foreach (var word in new[] { "heron", "egret", "crane" })
            service.Journal.Write(JournalEntry.Put(new Article("a", "Probe", [$"The {word} probe paragraph."])), null);

        Assert.True(service.Journal.Compact());

        var journal = Path.Combine(folder.Path, WriteJournal.FileName);
        Assert.Contains("crane", Assert.Single(File.ReadAllLines(journal)));
        Assert.Equal(
            [
                $"fsync file {WriteJournal.FileName}.new: {new FileInfo(journal).Length} bytes",
                $"rename {WriteJournal.FileName}.new over {WriteJournal.FileName}",
                $"fsync folder {folder.Path}",
            ],
            steps.Steps);
    }

    [Fact]
    public void Switch_fsyncs_the_generation_and_the_written_pointer_renames_it_into_place_then_fsyncs_the_folder()
    {
        var steps = new RecordingFileDurability();
        var layout = new IndexLayout(folder.Path, steps);
        var generation = layout.CreateNextGeneration();

        layout.SwitchTo(generation);

        var pointer = Path.Combine(folder.Path, IndexLayout.PointerFileName);
        Assert.Equal(Path.GetFileName(generation), File.ReadAllText(pointer));
        Assert.Equal(generation, layout.LiveFolder());
        Assert.Equal(
            [
                $"fsync folder {generation}",
                $"fsync file {IndexLayout.PointerFileName}.new: {new FileInfo(pointer).Length} bytes",
                $"rename {IndexLayout.PointerFileName}.new over {IndexLayout.PointerFileName}",
                $"fsync folder {folder.Path}",
            ],
            steps.Steps);
    }

    public void Dispose() => folder.Dispose();
}
