using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// The live OpenAPI document passes Spectral's standard ruleset (.spectral.yaml: spectral:oas) without an error or a
/// warning. Spectral is the npm package pinned in tests/openapi-lint, installed there by bash .ci/run.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class OpenApiLintTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private static readonly string ToolFolder = Path.Combine(SharedFiles.Repository, "tests", "openapi-lint");

    [NodeFact]
    public async Task Spectral_finds_no_error_or_warning_in_the_live_document()
    {
        var spectral = Path.Combine(ToolFolder, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        Assert.True(File.Exists(spectral), $"Spectral is not installed: run 'npm ci --ignore-scripts --prefix {ToolFolder}' (bash .ci/run does).");
        using var client = api.CreateClient();
        using var folder = new TempDirectory();
        var document = folder.Combine("v1.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json"));

        var run = await ToolRun.RunAsync(NodeFactAttribute.Node!,
            [spectral, "lint", document, "--ruleset", Path.Combine(SharedFiles.Repository, ".spectral.yaml"), "--fail-severity", "warn"],
            SharedFiles.Repository);

        Assert.True(run.ExitCode == 0 && run.Output.Contains("No results with a severity of 'warn' or higher found!"),
            $"spectral lint (exit code {run.ExitCode}):\n{run.Output}");
    }
}
