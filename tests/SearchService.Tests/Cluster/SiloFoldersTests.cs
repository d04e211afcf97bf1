using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// When a silo folder of shard copies is removed (<see cref="SiloFolders.RemoveUnused"/>): once no silo at its address
/// is alive in the membership table and no process holds a copy in it. Real folders and indexes; the membership as
/// Orleans hands it.
/// </summary>
public sealed class SiloFoldersTests
{
    private static readonly SiloAddress Earlier = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress Running = SiloAddress.New(IPAddress.Loopback, 11112, 2);

    [Fact]
    public void The_folder_of_a_silo_declared_dead_is_removed()
    {
        using var root = new TempDirectory();
        var earlier = CopyFolder(root, Earlier);
        CopyFolder(root, Running);

        var removed = SiloFolders.RemoveUnused(root.Path, Membership((Earlier, SiloStatus.Dead), (Running, SiloStatus.Active)), NullLogger.Instance);

        Assert.Equal([Path.GetDirectoryName(earlier)!], removed);
        Assert.False(Directory.Exists(Path.GetDirectoryName(earlier)));
        Assert.Equal([SiloFolders.NameOf(Running)], Directory.GetDirectories(root.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_folder_of_a_silo_absent_from_the_membership_table_is_removed()
    {
        using var root = new TempDirectory();
        var earlier = CopyFolder(root, Earlier);

        SiloFolders.RemoveUnused(root.Path, Membership((Running, SiloStatus.Active)), NullLogger.Instance);

        Assert.False(Directory.Exists(Path.GetDirectoryName(earlier)));
    }

    [Fact]
    public void The_folder_of_a_silo_still_alive_at_the_address_stays()
    {
        using var root = new TempDirectory();
        var earlier = CopyFolder(root, Earlier);
        var sameAddressAgain = SiloAddress.New(IPAddress.Loopback, Earlier.Endpoint.Port, 3);

        var removed = SiloFolders.RemoveUnused(root.Path,
            Membership((Earlier, SiloStatus.Dead), (sameAddressAgain, SiloStatus.Joining), (Running, SiloStatus.Active)), NullLogger.Instance);

        Assert.Empty(removed);
        Assert.True(Directory.Exists(earlier));
    }

    [Fact]
    public void The_folder_of_a_dead_silo_stays_while_a_process_holds_a_copy_open_in_it()
    {
        using var root = new TempDirectory();
        var earlier = CopyFolder(root, Earlier);
        using var open = new SearchIndex(earlier, NullLogger<SearchIndex>.Instance);

        var removed = SiloFolders.RemoveUnused(root.Path, Membership((Earlier, SiloStatus.Dead), (Running, SiloStatus.Active)), NullLogger.Instance);

        Assert.Empty(removed);
        Assert.True(Directory.Exists(earlier));
    }

    [Fact]
    public void A_folder_not_named_as_a_silo_stays()
    {
        using var root = new TempDirectory();
        var other = Directory.CreateDirectory(root.Combine("notes")).FullName;
        CopyFolder(root, Running);

        SiloFolders.RemoveUnused(root.Path, Membership((Running, SiloStatus.Active)), NullLogger.Instance);

        Assert.True(Directory.Exists(other));
    }

    // A committed, closed shard copy in the silo's folder, as a silo leaves it.
    private static string CopyFolder(TempDirectory root, SiloAddress silo)
    {
        var folder = root.Combine(SiloFolders.NameOf(silo), "shard-0-copy-0");
        using (var index = new SearchIndex(folder, NullLogger<SearchIndex>.Instance))
        {
            var article = NewsArticles.Cocoa("reuters-1");
            index.ReplaceArticle(article, Facets.Facets.Extractor.Extract(article), null);
            index.Commit();
        }
        return folder;
    }

    private static ClusterMembershipSnapshot Membership(params (SiloAddress Silo, SiloStatus Status)[] members) =>
        new(members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())), new MembershipVersion(1));
}
