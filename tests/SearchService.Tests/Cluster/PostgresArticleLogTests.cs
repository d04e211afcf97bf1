using System.Text.Json;
using SearchService.Cluster.Storage;
using SearchService.Core.Searching;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>What the article log keeps and how a shard reads it back: versions, tombstones, order, bulk writes, bad input.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class PostgresArticleLogTests
{
    [PostgresFact]
    public async Task The_cursor_key_is_the_first_nodes_for_every_node_after_it()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var (first, second) = (CursorCodec.NewKey(), CursorCodec.NewKey());

        var made = await store.Log.CursorKeyAsync(first);
        var read = await store.Log.CursorKeyAsync(second);

        Assert.Equal(first, made);
        Assert.Equal(first, read);
    }

    [PostgresFact]
    public async Task A_put_article_reads_back_with_every_field_at_its_version()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var article = NewsArticles.Cocoa("reuters-1");

        var version = await store.Log.PutAsync(article);

        var change = Assert.Single(await store.Log.ReadChangesAsync(0, 10));
        Assert.Equal((version, "reuters-1"), (change.Version, change.Id));
        var read = Assert.IsType<Article>(change.Article);
        Assert.Equal(
            (article.Id, article.Title, article.Date, article.Byline, article.Dateline, article.Source),
            (read.Id, read.Title, read.Date, read.Byline, read.Dateline, read.Source));
        Assert.Equal(article.Paragraphs, read.Paragraphs);
    }

    [PostgresFact]
    public async Task The_facets_extracted_from_an_article_read_back_with_it_in_bulk_and_alone()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var cocoa = NewsArticles.Cocoa("reuters-1");
        var facets = Facets.Facets.Extractor.Extract(cocoa);

        await store.Log.PutManyAsync([new FacetedArticle(cocoa, facets)]);
        await store.Log.PutAsync(NewsArticles.Cocoa("reuters-2"), facets);

        var changes = await store.Log.ReadChangesAsync(0, 10);
        Assert.Equal(2, changes.Count);
        Assert.All(changes, change => Assert.Equal(JsonSerializer.Serialize(facets), JsonSerializer.Serialize(change.Facets)));
        Assert.NotEmpty(facets.Paragraphs);
    }

    [PostgresFact]
    public async Task Every_write_takes_a_higher_version_than_the_write_before()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var first = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));
        var second = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-2"));
        var deleted = await store.Log.DeleteAsync("reuters-1");
        var third = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-2", "Bahia cocoa review, corrected"));

        Assert.True(first < second && second < deleted && deleted < third, $"versions {first}, {second}, {deleted}, {third}");
        Assert.Equal(third, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    public async Task A_delete_is_read_as_a_change_without_an_article_at_the_delete_version()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var put = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));

        var deleted = await store.Log.DeleteAsync("reuters-1");

        var change = Assert.Single(await store.Log.ReadChangesAsync(put, 10));
        Assert.Equal(new ArticleChange(deleted!.Value, "reuters-1", null), change);
    }

    [PostgresFact]
    public async Task Deleting_an_article_that_does_not_exist_returns_no_version_and_takes_none()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var put = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));
        await store.Log.DeleteAsync("reuters-1");
        var before = await store.Log.CurrentVersionAsync();

        Assert.Null(await store.Log.DeleteAsync("reuters-1"));
        Assert.Null(await store.Log.DeleteAsync("reuters-never-written"));

        Assert.Equal(before, await store.Log.CurrentVersionAsync());
        Assert.True(before > put);
    }

    [PostgresFact]
    public async Task Deleting_many_tombstones_those_that_exist_at_consecutive_versions_in_the_order_given_and_takes_no_other()
    {
        await using var store = await TestArticleLog.CreateAsync();
        foreach (var id in new[] { "reuters-1", "reuters-2", "reuters-3" })
            await store.Log.PutAsync(NewsArticles.Cocoa(id));
        await store.Log.DeleteAsync("reuters-2");
        var before = await store.Log.CurrentVersionAsync();

        var deleted = await store.Log.DeleteManyAsync(["reuters-3", "reuters-2", "reuters-never-written", "reuters-1", "reuters-3"]);

        Assert.Equal(2, deleted);
        Assert.Equal(
            [new ArticleChange(before + 1, "reuters-3", null), new ArticleChange(before + 2, "reuters-1", null)],
            await store.Log.ReadChangesAsync(before, 10));
        Assert.Equal(before + 2, await store.Log.CurrentVersionAsync());
        Assert.Equal(0, await store.Log.DeleteManyAsync(["reuters-1", "reuters-never-written"]));
        Assert.Equal(before + 2, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    public async Task Deleting_many_while_others_write_gives_every_change_a_version_of_its_own()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var old = Enumerable.Range(1, 200).Select(n => $"reuters-old-{n}").ToList();
        var facets = Facets.Facets.Extractor.Extract(NewsArticles.Cocoa("reuters-old"));
        await store.Log.PutManyAsync(old.Select(id => new FacetedArticle(NewsArticles.Cocoa(id), facets)).ToList());
        var before = await store.Log.CurrentVersionAsync();

        var puts = Enumerable.Range(1, 40).Select(n => store.Log.PutAsync(NewsArticles.Cocoa($"reuters-new-{n}"))).ToList();
        var deletes = old.Chunk(20).Select(ids => store.Log.DeleteManyAsync(ids)).ToList();
        var putVersions = await Task.WhenAll(puts);
        var deleted = (await Task.WhenAll(deletes)).Sum();

        Assert.Equal(200, deleted);
        var changes = await store.Log.ReadChangesAsync(before, 1000);
        Assert.Equal(240, changes.Count);
        Assert.Equal(Enumerable.Range(1, 240).Select(n => before + n), changes.Select(c => c.Version));
        Assert.Equal(putVersions.Order(), changes.Where(c => c.Article is not null).Select(c => c.Version));
        Assert.Equal(before + 240, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    public async Task An_article_put_after_its_delete_is_back_at_a_newer_version()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));
        var deleted = await store.Log.DeleteAsync("reuters-1");

        var back = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1", "Bahia cocoa review, second week"));

        var change = Assert.Single(await store.Log.ReadChangesAsync(deleted!.Value, 10));
        Assert.Equal((back, "Bahia cocoa review, second week"), (change.Version, change.Article?.Title));
    }

    [PostgresFact]
    public async Task Changes_come_in_version_order_after_the_version_given_up_to_the_limit()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var versions = new List<long>();
        foreach (var id in new[] { "reuters-5", "reuters-3", "reuters-9", "reuters-1", "reuters-7" })
            versions.Add(await store.Log.PutAsync(NewsArticles.Cocoa(id)));

        var changes = await store.Log.ReadChangesAsync(versions[1], 2);

        Assert.Equal([(versions[2], "reuters-9"), (versions[3], "reuters-1")], changes.Select(c => (c.Version, c.Id)));
    }

    [PostgresFact]
    public async Task An_article_written_twice_is_read_once_at_its_newest_version()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1", "Bahia cocoa review"));
        await store.Log.PutAsync(NewsArticles.Cocoa("reuters-2"));
        var newest = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1", "Bahia cocoa review, corrected"));

        var changes = await store.Log.ReadChangesAsync(0, 10);

        Assert.Equal(["reuters-2", "reuters-1"], changes.Select(c => c.Id));
        Assert.Equal((newest, "Bahia cocoa review, corrected"), (changes[1].Version, changes[1].Article?.Title));
    }

    [PostgresFact]
    public async Task PutMany_gives_the_articles_consecutive_versions_in_the_order_given()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var before = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-0"));

        var last = await store.Log.PutManyAsync([NewsArticles.Cocoa("reuters-3"), NewsArticles.Cocoa("reuters-1"), NewsArticles.Cocoa("reuters-2")]);

        var changes = await store.Log.ReadChangesAsync(before, 10);
        Assert.Equal([(before + 1, "reuters-3"), (before + 2, "reuters-1"), (before + 3, "reuters-2")], changes.Select(c => (c.Version, c.Id)));
        Assert.Equal(before + 3, last);
    }

    [PostgresFact]
    public async Task PutMany_with_one_id_twice_writes_the_later_article()
    {
        await using var store = await TestArticleLog.CreateAsync();

        await store.Log.PutManyAsync([NewsArticles.Cocoa("reuters-1", "First draft"), NewsArticles.Cocoa("reuters-2"), NewsArticles.Cocoa("reuters-1", "Final copy")]);

        var changes = await store.Log.ReadChangesAsync(0, 10);
        Assert.Equal([("reuters-2", "Bahia cocoa review"), ("reuters-1", "Final copy")], changes.Select(c => (c.Id, c.Article?.Title)));
    }

    [PostgresFact]
    public async Task PutMany_with_one_bad_article_writes_none_and_names_its_position()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Log.PutManyAsync([NewsArticles.Cocoa("reuters-1"), NewsArticles.Cocoa(""), NewsArticles.Cocoa("reuters-3")]));

        Assert.Equal("articles[1]", refused.ParamName);
        Assert.Empty(await store.Log.ReadChangesAsync(0, 10));
    }

    [PostgresFact]
    public async Task An_empty_article_id_is_an_ArgumentException_that_says_so()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.Log.PutAsync(NewsArticles.Cocoa(" ")));

        Assert.Equal(("article", "The article id is empty. (Parameter 'article')"), (refused.ParamName, refused.Message));
    }

    [PostgresFact]
    public async Task An_article_id_longer_than_512_characters_is_an_ArgumentException_that_says_so()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.Log.DeleteAsync(new string('x', 513)));

        Assert.Equal(("articleId", "The article id is longer than 512 characters. (Parameter 'articleId')"), (refused.ParamName, refused.Message));
        Assert.Equal(0, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    public async Task An_article_without_paragraphs_is_an_ArgumentException_that_says_so()
    {
        await using var store = await TestArticleLog.CreateAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.Log.PutAsync(NewsArticles.Cocoa("reuters-1") with { Paragraphs = [] }));

        Assert.Contains("no paragraphs", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Log.ReadChangesAsync(0, 10));
    }
}
