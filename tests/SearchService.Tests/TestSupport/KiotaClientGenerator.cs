namespace SearchService.Tests.TestSupport;

/// <summary>
/// Generates the C# client of <c>GeneratedClient/</c> with Kiota, the dotnet tool pinned in .config/dotnet-tools.json
/// (<c>dotnet tool restore</c>, which bash .ci/run does, installs it).
/// </summary>
public static class KiotaClientGenerator
{
    public const string ClientName = "SearchServiceClient";
    public const string Namespace = "SearchService.Tests.GeneratedClient";

    /// <summary>The committed client, compiled into the tests.</summary>
    public static string CommittedFolder { get; } = Path.Combine(SharedFiles.Repository, "tests", "SearchService.Tests", "GeneratedClient");

    /// <summary>Generates the client of the document at <paramref name="document"/> into <paramref name="folder"/>, replacing what was there.</summary>
    public static async Task GenerateAsync(string document, string folder)
    {
        // Offline: no check for newer Kiota versions, which would reach for the network.
        var run = await ToolRun.RunAsync("dotnet",
            ["kiota", "generate", "--language", "CSharp", "--openapi", document, "--class-name", ClientName, "--namespace-name", Namespace,
             "--output", folder, "--clean-output", "--log-level", "Warning"],
            SharedFiles.Repository, new Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false" });
        Assert.True(run.ExitCode == 0, $"kiota generate failed (is the tool restored? dotnet tool restore):\n{run.Output}");
        // Kiota's own bookkeeping names the document's temporary path; the code alone is the client.
        File.Delete(Path.Combine(folder, "kiota-lock.json"));
        File.Delete(Path.Combine(folder, ".kiota.log"));
    }

    /// <summary>Replaces the committed client's code with the code in <paramref name="generated"/>.</summary>
    public static void ReplaceCommitted(string generated)
    {
        foreach (var file in SourceFiles(CommittedFolder).Keys)
            File.Delete(Path.Combine(CommittedFolder, file));
        foreach (var file in SourceFiles(generated).Keys)
        {
            var target = Path.Combine(CommittedFolder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(generated, file), target);
        }
    }

    /// <summary>The generated files of a folder, by path relative to it, with their text.</summary>
    public static SortedDictionary<string, string> SourceFiles(string folder) =>
        new(Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
