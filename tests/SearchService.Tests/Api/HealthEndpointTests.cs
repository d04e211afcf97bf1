using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>A corpus with the seed and three files that cannot be read, one of them a link to nothing.</summary>
public sealed class CorpusWithBadFilesFactory : SeedApiFactory
{
    protected override void AddToCorpus(TempDirectory folder)
    {
        File.CreateSymbolicLink(folder.Combine("gone.txt"), folder.Combine("moved-away.txt"));
        File.WriteAllBytes(folder.Combine("picture.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0x00]);
        folder.WriteFile("empty.txt", "");
        folder.WriteFile("wire.jsonl", "{\"id\": \"w1\", \"title\": \"Oil\", \"paragraphs\": [\"OPEC met in Vienna.\"]}\n{broken\n");
    }
}

public sealed class HealthEndpointTests(CorpusWithBadFilesFactory api) : IClassFixture<CorpusWithBadFilesFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Health_counts_what_is_indexed_and_what_was_skipped()
    {
        var health = await client.GetOk<HealthAnswer>("/health");
        Assert.Equal("ready", health.Status);
        Assert.False(health.Indexing);
        Assert.Equal((2, 11), (health.Articles, health.Paragraphs));
        Assert.Equal((3, 1), (health.FilesSkipped, health.LinesSkipped));
        Assert.Equal(["empty.txt", "gone.txt", "picture.txt"], health.Skipped.Select(s => s.File));
    }

    [Fact]
    public async Task Skipped_files_are_given_a_reason_category_not_the_system_error()
    {
        var health = await client.GetOk<HealthAnswer>("/health");
        Assert.Equal(["empty", "symbolic link", "binary"], health.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public async Task Health_carries_no_absolute_path()
    {
        var body = await client.GetStringAsync("/health");
        Assert.DoesNotContain(api.Corpus.Path, body);
        Assert.DoesNotContain(Path.GetTempPath(), body);
    }

    [Fact]
    public async Task Good_articles_beside_bad_files_are_searchable()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=OPEC");
        Assert.Equal("w1", result.Hits[0].ArticleId);
    }
}
