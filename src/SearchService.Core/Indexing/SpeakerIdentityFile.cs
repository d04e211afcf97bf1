using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// The corpus-wide speaker identity table (<see cref="Facets.SpeakerIdentities"/>) kept beside the index, in its root
/// folder: what indexing learnt of who is who survives a restart and a rebuild, and searches filter by it (a filter on
/// "Volcker" also finds paragraphs indexed "Paul Volcker", and the reverse). Written after a durable commit, at most
/// once every <see cref="SaveInterval"/>, and on close (<see cref="SaveIfBehind"/>), through a temporary file renamed
/// over the old one, so a crash leaves the old table or the new one.
/// </summary>
public sealed class SpeakerIdentityFile(string indexRoot) : ICommitContributor
{
    public const string FileName = "speaker-identities.json";
    private const string ReplacementSuffix = ".new";

    /// <summary>
    /// The least time between two saves. The whole table is written each time, and a bulk pass commits every few
    /// seconds: saving at each of its commits was a tenth of the pass's CPU time. The table is evidence, not documents,
    /// so after a crash it may lag the index by this much.
    /// </summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(30);

    private readonly Lock saving = new();
    private SpeakerIdentities? table;
    private bool saves;
    private long? lastSaved;
    private bool behind;

    private string FilePath => Path.Combine(indexRoot, FileName);

    /// <summary>The table indexing resolves speakers with; null until the facet extractor is loaded.</summary>
    public SpeakerIdentities? Table => Volatile.Read(ref table);

    /// <summary>The table saved beside the index, or an empty one when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The saved table is not valid JSON.</exception>
    public static SpeakerIdentities Load(string indexRoot, SpeakerLexicon lexicon)
    {
        var path = Path.Combine(indexRoot, FileName);
        if (!File.Exists(path))
            return new SpeakerIdentities(lexicon);
        using var input = File.OpenRead(path);
        try
        {
            return SpeakerIdentities.Load(input, lexicon);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"The speaker identity table '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Makes <paramref name="identities"/> the table searched by and, when <paramref name="saved"/>, saved at each commit.</summary>
    /// <param name="saved">False for a table kept elsewhere (a shard copy's, in PostgreSQL): no file is written.</param>
    public void Attach(SpeakerIdentities identities, bool saved = true)
    {
        lock (saving)
            saves = saved;
        Volatile.Write(ref table, identities);
    }

    // The table is too large for the commit's user data, and need not be in step with it: it is evidence, not documents.
    public void Contribute(IDictionary<string, string> commitData)
    {
    }

    public void OnCommitted(IReadOnlyDictionary<string, string> commitData)
    {
        lock (saving)
        {
            if (lastSaved is { } at && System.Diagnostics.Stopwatch.GetElapsedTime(at) < SaveInterval)
                behind = true;
            else
                Save();
        }
    }

    /// <summary>Saves the table when a commit since the last save left it unsaved: after the index's last commit.</summary>
    public void SaveIfBehind()
    {
        lock (saving)
        {
            if (behind)
                Save();
        }
    }

    private void Save()
    {
        if (!saves || Table is not { } identities)
            return;
        var replacement = FilePath + ReplacementSuffix;
        using (var output = File.Create(replacement))
        {
            identities.Save(output);
            output.Flush(flushToDisk: true);
        }
        File.Move(replacement, FilePath, overwrite: true);
        lastSaved = System.Diagnostics.Stopwatch.GetTimestamp();
        behind = false;
    }
}
