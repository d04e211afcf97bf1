using SearchService.Core.Indexing;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Does each step on disk (<see cref="DiskFileDurability"/>) and records it, in order, with what it saw: a file's
/// length when it is flushed (what was written before the fsync), the names a rename swaps, the folder flushed.
/// </summary>
internal sealed class RecordingFileDurability : IFileDurability
{
    private readonly List<string> steps = [];

    public IReadOnlyList<string> Steps => steps;

    public void FlushFile(FileStream file)
    {
        steps.Add($"fsync file {Path.GetFileName(file.Name)}: {file.Length} bytes");
        DiskFileDurability.Instance.FlushFile(file);
    }

    public void Rename(string from, string to)
    {
        steps.Add($"rename {Path.GetFileName(from)} over {Path.GetFileName(to)}");
        DiskFileDurability.Instance.Rename(from, to);
    }

    public void FlushFolder(string folder)
    {
        steps.Add($"fsync folder {folder}");
        DiskFileDurability.Instance.FlushFolder(folder);
    }
}
