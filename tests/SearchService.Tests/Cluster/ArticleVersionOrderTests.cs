using System.Collections.Concurrent;
using SearchService.Cluster.Storage;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Versions follow commit order with no late gap, which is what lets a shard catch up by version: a reader that has
/// read up to version v never meets a change of version v or lower later, however many writers commit at once.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ArticleVersionOrderTests
{
    private const int Writers = 6;
    private const int WritesEach = 40;

    [PostgresFact]
    public async Task A_reader_polling_while_writers_commit_sees_every_change_once_in_version_order()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var committed = new ConcurrentDictionary<string, long>();
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var id = $"writer-{writer}/article-{i}";
                if (i % 4 == 3)
                {
                    // A bulk write of three, so single and bulk versions interleave too.
                    var last = await store.Log.PutManyAsync([NewsArticles.Cocoa($"{id}/a"), NewsArticles.Cocoa($"{id}/b"), NewsArticles.Cocoa($"{id}/c")]);
                    (committed[$"{id}/a"], committed[$"{id}/b"], committed[$"{id}/c"]) = (last - 2, last - 1, last);
                }
                else
                    committed[id] = await store.Log.PutAsync(NewsArticles.Cocoa(id));
            }
        })));

        var seen = new List<ArticleChange>();
        var after = 0L;
        while (true)
        {
            var writersDone = writing.IsCompleted;
            var changes = await store.Log.ReadChangesAsync(after, 7);
            seen.AddRange(changes);
            if (changes.Count > 0)
                after = changes[^1].Version;
            else if (writersDone)
                break;
        }
        await writing;

        Assert.Equal(seen.Select(c => c.Version).Order(), seen.Select(c => c.Version));
        Assert.Equal(seen.Count, seen.Select(c => c.Version).Distinct().Count());
        Assert.Equal(committed.OrderBy(c => c.Value), seen.Select(c => new KeyValuePair<string, long>(c.Id, c.Version)));
    }

    [PostgresFact]
    public async Task Concurrent_writes_to_one_id_end_with_one_version_the_last_committed()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var versions = await Task.WhenAll(Enumerable.Range(0, Writers * 5).Select(edition =>
            Task.Run(() => store.Log.PutAsync(NewsArticles.Cocoa("reuters-1", $"Bahia cocoa review, edition {edition}")))));

        var change = Assert.Single(await store.Log.ReadChangesAsync(0, 100));
        var lastCommitted = Array.IndexOf(versions, versions.Max());
        Assert.Equal((versions.Max(), $"Bahia cocoa review, edition {lastCommitted}"), (change.Version, change.Article?.Title));
        Assert.Equal(versions.Length, versions.Distinct().Count());
    }
}
