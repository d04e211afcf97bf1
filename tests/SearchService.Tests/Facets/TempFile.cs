namespace SearchService.Tests.Facets;

/// <summary>A file with given text in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static TempFile WithText(string text, string name)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return new TempFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
