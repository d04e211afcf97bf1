using System.Globalization;

namespace SearchService.Core.Indexing;

/// <summary>
/// How much of the API write journal (<see cref="WriteJournal"/>) an index holds: <see cref="Applied"/> by its writer,
/// <see cref="Committed"/> durably. A commit records the applied length; a restart replays the journal after it.
/// </summary>
public sealed class JournalOffset(long committed) : ICommitContributor
{
    private const string Key = "journal";

    private long applied = committed;
    private long committedLength = committed;

    /// <summary>The offset a commit's data records (0 when none: the whole journal is replayed).</summary>
    public static JournalOffset From(IReadOnlyDictionary<string, string> commitData) =>
        new(commitData.TryGetValue(Key, out var offset) && long.TryParse(offset, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);

    /// <summary>Journal length the index's writer holds; the next commit records it.</summary>
    public long Applied => Interlocked.Read(ref applied);

    /// <summary>Journal length the last commit holds; lines after it must be replayed.</summary>
    public long Committed => Interlocked.Read(ref committedLength);

    /// <summary>The writer now holds the journal up to <paramref name="length"/>.</summary>
    public void HoldUpTo(long length) => Interlocked.Exchange(ref applied, length);

    /// <summary>Applied and committed are both <paramref name="length"/> (an index switched in, committed holding it).</summary>
    public void Reset(long length)
    {
        Interlocked.Exchange(ref applied, length);
        Interlocked.Exchange(ref committedLength, length);
    }

    // Read before the commit: writes applied after this point are replayed from the journal if need be.
    public void Contribute(IDictionary<string, string> commitData) =>
        commitData[Key] = Applied.ToString(CultureInfo.InvariantCulture);

    public void OnCommitted(IReadOnlyDictionary<string, string> commitData) =>
        Interlocked.Exchange(ref committedLength, long.Parse(commitData[Key], CultureInfo.InvariantCulture));
}
