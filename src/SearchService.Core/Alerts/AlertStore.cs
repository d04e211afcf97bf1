using System.Security.Cryptography;
using System.Text.Json;
using SearchService.Core.Indexing;

namespace SearchService.Core.Alerts;

/// <summary>
/// The saved alerts, in <see cref="FileName"/> in the index folder's root: beside the generations, never inside one,
/// so a rebuild keeps them. Every change writes the whole list to <see cref="TemporaryFileName"/>, flushes it to disk,
/// renames it over the file and flushes the folder, so a crash leaves the old list or the new one; a temporary file
/// left by a crash before the rename is ignored (and removed) when the store opens. Thread-safe.
/// </summary>
public sealed class AlertStore
{
    public const string FileName = "alerts.json";
    public const string TemporaryFileName = FileName + FileReplacement.TemporarySuffix;

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new AnyCaseQuerySyntaxConverter() },
    };

    private readonly string folder;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Alert> alerts;
    private readonly int maxAlerts;

    /// <param name="indexRoot">The index folder (<c>Search:IndexPath</c>).</param>
    /// <param name="maxAlerts">The most alerts <see cref="Add"/> keeps; more already in the file (the limit lowered since) are kept.</param>
    /// <exception cref="InvalidDataException">The file is there but holds no list of alerts.</exception>
    public AlertStore(string indexRoot, int maxAlerts = int.MaxValue)
    {
        this.maxAlerts = maxAlerts;
        folder = Path.GetFullPath(indexRoot);
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, TemporaryFileName));
        var path = Path.Combine(folder, FileName);
        var saved = File.Exists(path)
            ? JsonSerializer.Deserialize<List<Alert>>(File.ReadAllBytes(path), FileOptions) ?? throw new InvalidDataException($"{path} holds no alerts.")
            : [];
        alerts = saved.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    /// <summary>Raised after each change is on disk.</summary>
    public event Action? Changed;

    /// <summary>Every alert, oldest first.</summary>
    public IReadOnlyList<Alert> All()
    {
        lock (gate)
            return alerts.Values.OrderBy(a => a.Created).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    public Alert? Find(string id)
    {
        lock (gate)
            return alerts.GetValueOrDefault(id);
    }

    /// <summary>Saves a new alert under a fresh id; answers it once it is on disk.</summary>
    /// <exception cref="AlertLimitException">The store holds its most alerts already.</exception>
    public Alert Add(SavedQuery query, Uri? webhook, DateTimeOffset now)
    {
        var alert = new Alert("a" + RandomNumberGenerator.GetHexString(12, lowercase: true), now, query, webhook);
        lock (gate)
        {
            if (alerts.Count >= maxAlerts)
                throw new AlertLimitException(maxAlerts);
            alerts.Add(alert.Id, alert);
            Save();
        }
        Changed?.Invoke();
        return alert;
    }

    /// <summary>Deletes an alert; false when there is none with this id.</summary>
    public bool Remove(string id)
    {
        lock (gate)
        {
            if (!alerts.Remove(id))
                return false;
            Save();
        }
        Changed?.Invoke();
        return true;
    }

    private void Save() =>
        FileReplacement.Replace(Path.Combine(folder, FileName),
            stream => JsonSerializer.Serialize(stream, alerts.Values.ToList(), FileOptions), DiskFileDurability.Instance);
}
