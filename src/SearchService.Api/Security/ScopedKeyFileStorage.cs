using Microsoft.Extensions.Options;
using SearchService.Core;

namespace SearchService.Api.Security;

/// <summary>
/// The single process's keys: <see cref="FileName"/> in the index folder, so they survive restarts and rebuilds. Every
/// change rewrites the file atomically (a new file moved over the old one), so a crash leaves the old keys or the new
/// ones.
/// </summary>
public sealed class ScopedKeyFileStorage(IOptions<SearchOptions> options) : IScopedKeyStorage
{
    public const string FileName = "search-keys.json";

    private readonly Lock gate = new();
    private ScopedKeyFile? current;

    private string FilePath => Path.Combine(Path.GetFullPath(options.Value.IndexPath), FileName);

    public ScopedKeyFile Current
    {
        get
        {
            lock (gate)
                return current ??= Load();
        }
    }

    public Task ChangeAsync(Func<ScopedKeyFile, ScopedKeyFile?> change, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            if (change(current ??= Load()) is { } changed)
            {
                Save(changed);
                current = changed;
            }
        }
        return Task.CompletedTask;
    }

    private ScopedKeyFile Load()
    {
        var path = FilePath;
        return File.Exists(path) ? ScopedKeyFile.Read(File.ReadAllBytes(path), path) : ScopedKeyFile.Empty;
    }

    private void Save(ScopedKeyFile keys)
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".new";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(keys.ToJson());
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
