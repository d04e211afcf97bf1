namespace SearchService.Benchmarks.Performance;

/// <summary>The API's Release build output and its published form, found above the benchmark program.</summary>
public static class ApiBuild
{
    public static string BuildOutput => RepositoryFile("src/SearchService.Api/bin/Release/net10.0/SearchService.Api.dll");

    /// <summary>`dotnet publish src/SearchService.Api -c Release` puts it under the machine's runtime identifier.</summary>
    public static string PublishOutput =>
        Directory.EnumerateFiles(Path.GetDirectoryName(BuildOutput)!, "SearchService.Api.dll", SearchOption.AllDirectories)
            .FirstOrDefault(f => Path.GetFileName(Path.GetDirectoryName(f)) == "publish")
        ?? throw new FileNotFoundException("Publish the API first: dotnet publish src/SearchService.Api -c Release");

    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                var path = Path.Combine(dir.FullName, relative);
                return File.Exists(path) ? path : throw new FileNotFoundException("Build and publish the API first: dotnet build src/SearchService.Api -c Release && dotnet publish src/SearchService.Api -c Release", path);
            }
        }
        throw new DirectoryNotFoundException("SearchService.sln not found above the benchmark program.");
    }
}
