namespace SearchService.Core.Indexing;

/// <summary>Records in each commit the schema its documents were written under (<see cref="IndexSchema.SchemaVersion"/>).</summary>
public sealed class SchemaVersionStamp : ICommitContributor
{
    private const string Key = "schema";

    public static readonly SchemaVersionStamp Instance = new();

    private SchemaVersionStamp()
    {
    }

    /// <summary>The schema a commit's data records, or null for an index from before schemas were recorded.</summary>
    public static string? Read(IReadOnlyDictionary<string, string> commitData) => commitData.GetValueOrDefault(Key);

    public void Contribute(IDictionary<string, string> commitData) => commitData[Key] = IndexSchema.SchemaVersion;
}
