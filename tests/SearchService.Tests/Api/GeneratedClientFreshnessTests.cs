using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// The committed Kiota client (GeneratedClient/) is what Kiota generates from the live OpenAPI document today. With
/// SEARCHSERVICE_REGENERATE_CLIENT=1 the test writes the fresh client over the committed one instead (see
/// GeneratedClient/README.md).
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class GeneratedClientFreshnessTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    [Fact]
    public async Task Committed_client_is_the_one_generated_from_the_live_document()
    {
        using var client = api.CreateClient();
        using var folder = new TempDirectory();
        var document = folder.Combine("v1.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json"));
        var generated = folder.Combine("client");
        await KiotaClientGenerator.GenerateAsync(document, generated);
        if (Environment.GetEnvironmentVariable("SEARCHSERVICE_REGENERATE_CLIENT") == "1")
            KiotaClientGenerator.ReplaceCommitted(generated);

        var fresh = KiotaClientGenerator.SourceFiles(generated);
        var committed = KiotaClientGenerator.SourceFiles(KiotaClientGenerator.CommittedFolder);

        const string regenerate = "The committed client is stale; regenerate it as GeneratedClient/README.md says.";
        Assert.True(fresh.Keys.SequenceEqual(committed.Keys), $"{regenerate} Files now: {string.Join(", ", fresh.Keys)}");
        Assert.All(fresh, file => Assert.True(file.Value == committed[file.Key], $"{regenerate} {file.Key} differs."));
    }
}
