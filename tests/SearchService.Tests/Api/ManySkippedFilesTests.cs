using SearchService.Api.Endpoints;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>A corpus folder of many files that cannot be read: /health counts them all and lists the first by path.</summary>
public sealed class ManySkippedFilesTests(ManySkippedFilesTests.ManyEmptyFilesFactory api) : IClassFixture<ManySkippedFilesTests.ManyEmptyFilesFactory>
{
    private const int EmptyFiles = 150;

    public sealed class ManyEmptyFilesFactory : SeedApiFactory
    {
        protected override void AddToCorpus(TempDirectory folder)
        {
            for (var n = 0; n < EmptyFiles; n++)
                folder.WriteFile($"export/story-{n:D3}.jsonl", "");
        }
    }

    [Fact]
    public async Task Health_counts_every_skipped_file_and_lists_the_first_hundred_by_path()
    {
        var health = await api.CreateClient().GetOk<HealthAnswer>("/health");

        Assert.Equal(EmptyFiles, health.FilesSkipped);
        Assert.Equal(HealthEndpoints.SkippedFilesListed, health.Skipped.Count);
        Assert.Equal(Enumerable.Range(0, HealthEndpoints.SkippedFilesListed).Select(n => $"export/story-{n:D3}.jsonl"), health.Skipped.Select(s => s.File));
        Assert.All(health.Skipped, s => Assert.Equal("empty", s.Reason));
        Assert.Equal(1, health.Articles); // the seed article beside them
    }
}
