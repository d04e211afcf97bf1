namespace SearchService.Core.Indexing;

/// <summary>
/// Something a commit records beside the documents (Lucene commit user data), so that a restart knows it: which corpus
/// files the index holds (<see cref="CorpusFileStamps"/>), how much of the API write journal (<see cref="JournalOffset"/>),
/// and under which schema (<see cref="SchemaVersionStamp"/>). <see cref="CommitScheduler"/> asks each one.
/// </summary>
public interface ICommitContributor
{
    /// <summary>Adds this contributor's entries to the data of the commit about to be made.</summary>
    void Contribute(IDictionary<string, string> commitData);

    /// <summary>The commit that recorded <paramref name="commitData"/> is durable.</summary>
    void OnCommitted(IReadOnlyDictionary<string, string> commitData)
    {
    }
}
