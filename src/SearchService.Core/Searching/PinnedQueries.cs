using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Searching;

/// <summary>
/// Editors' pinned results (<c>Search:PinnedPath</c>): a JSON object whose names are queries and whose values are the
/// article ids to show first for them, in order, e.g. <c>{ "election results": ["a-17", "a-3"] }</c>. A query is pinned
/// when its text, <see cref="Normalise">normalised</see> (trimmed, lower-cased, runs of white space made one space),
/// equals a name normalised the same way; nothing else (no stemming, no word order) is forgiven. The file is read at
/// start-up and again, debounced, whenever it changes; a file that cannot be read or is not of that shape is a warning
/// naming it, and the last good pins stay.
/// </summary>
public sealed class PinnedQueries : IDisposable
{
    /// <summary>How long the file must stay unchanged before it is read again: an editor's save is often several writes.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

    private readonly string? path;
    private readonly ILogger<PinnedQueries> logger;
    private readonly FileSystemWatcher? watcher;
    private readonly Timer reload;
    private volatile IReadOnlyDictionary<string, IReadOnlyList<string>> pins = None;

    /// <param name="path">The file; null or empty: nothing is pinned.</param>
    public PinnedQueries(string? path, ILogger<PinnedQueries> logger)
    {
        this.logger = logger;
        reload = new Timer(_ => Read());
        if (string.IsNullOrWhiteSpace(path))
            return;
        this.path = Path.GetFullPath(path);
        Read();
        if (!Directory.Exists(Path.GetDirectoryName(this.path)))
        {
            logger.LogWarning("Pinned results file {Path}: its folder does not exist, so changes are not watched.", this.path);
            return;
        }
        watcher = new FileSystemWatcher(Path.GetDirectoryName(this.path)!, Path.GetFileName(this.path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Changed();
        watcher.Created += (_, _) => Changed();
        watcher.Renamed += (_, _) => Changed();
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after the file was read again and its pins taken.</summary>
    public event Action? Reloaded;

    /// <summary>The article ids pinned for a query, in order; empty when it has none.</summary>
    public IReadOnlyList<string> For(string? query)
    {
        var current = pins;
        // Asked at every search: with no pins (the usual case) the query is not normalised for nothing.
        return query is null || current.Count == 0 ? [] : current.GetValueOrDefault(Normalise(query)) ?? [];
    }

    /// <summary>A query as pins are matched: trimmed, lower-cased (invariant culture), runs of white space made one space.</summary>
    public static string Normalise(string query) =>
        string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    /// <summary>Reads pins from JSON text.</summary>
    /// <exception cref="InvalidDataException">The text is not an object of queries to arrays of article ids.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException("it is not a JSON object of queries to arrays of article ids");
            var pins = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var query in document.RootElement.EnumerateObject())
            {
                if (Normalise(query.Name) is not { Length: > 0 } normalised)
                    throw new InvalidDataException("a query is empty");
                if (query.Value.ValueKind != JsonValueKind.Array
                    || query.Value.EnumerateArray().Any(id => id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString())))
                    throw new InvalidDataException($"the pins of \"{query.Name}\" are not an array of article ids");
                pins[normalised] = query.Value.EnumerateArray().Select(id => id.GetString()!.Trim()).Distinct().ToList();
            }
            return pins;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not valid JSON: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        watcher?.Dispose();
        reload.Dispose();
    }

    private void Changed() => reload.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void Read()
    {
        try
        {
            pins = Parse(File.ReadAllText(path!));
            logger.LogInformation("Pinned results file {Path}: {Count} pinned queries.", path, pins.Count);
            Reloaded?.Invoke();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning("Pinned results file {Path} was not taken: {Reason}. The last good pins stay ({Count} pinned queries).", path, e.Message, pins.Count);
        }
    }
}
