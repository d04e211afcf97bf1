using System.Text.Json;
using SearchService.Core.Indexing;

namespace SearchService.Core.Alerts;

/// <summary>
/// The ids of articles written but not yet matched when the percolator stopped, in <see cref="FileName"/> in the index
/// folder, so the next start matches them (read back from the index). Written whole (temp file, flush, rename) and
/// removed once read: a crash after reading loses it, a crash before the next stop leaves nothing new in it.
/// </summary>
public static class AlertBacklog
{
    public const string FileName = "alerts-backlog.json";

    /// <summary>The ids kept by the last stop, removing the file; none when there is none.</summary>
    public static IReadOnlyList<string> Take(string indexRoot)
    {
        var path = Path.Combine(Path.GetFullPath(indexRoot), FileName);
        if (!File.Exists(path))
            return [];
        IReadOnlyList<string> ids;
        try
        {
            ids = JsonSerializer.Deserialize<List<string>>(File.ReadAllBytes(path)) ?? [];
        }
        catch (JsonException)
        {
            ids = [];
        }
        File.Delete(path);
        return ids;
    }

    /// <summary>Keeps <paramref name="ids"/> for the next start; with none, leaves no file.</summary>
    public static void Keep(string indexRoot, IReadOnlyCollection<string> ids)
    {
        var folder = Path.GetFullPath(indexRoot);
        var path = Path.Combine(folder, FileName);
        if (ids.Count == 0)
        {
            File.Delete(path);
            return;
        }
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, ids);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        FolderFlush.Flush(folder);
    }
}
