using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A shard copy searches with the cluster's speaker table, kept in PostgreSQL, and writes no copy of it into its folder
/// (<see cref="SpeakerIdentityFile"/>): nothing in cluster mode reads one there.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardSpeakerFileTests
{
    [PostgresFact]
    public async Task A_copy_that_applied_and_committed_a_write_keeps_no_speaker_table_file_in_its_folder()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        var speakers = SpeakerShardCluster.SiloTable(cluster.Cluster.Silos[0]);
        var written = await cluster.Log.PutManyAsync(await speakers.ExtractAsync(
            [new Article("fed-news", "Fed news", ["\"The dollar has fallen enough,\" Federal Reserve Board Chairman Paul Volcker said."])], CancellationToken.None));
        await cluster.WaitUntilAppliedAsync(written);

        // A silo stopping deactivates its copies, whose index commits as it closes: after the commit the table was saved.
        await cluster.Cluster.StopAllSilosAsync();

        Assert.NotEmpty(Directory.GetFiles(cluster.Root, "segments_*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(cluster.Root, SpeakerIdentityFile.FileName, SearchOption.AllDirectories));
    }
}
