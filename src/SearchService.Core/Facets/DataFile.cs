using System.Text.Json;

namespace SearchService.Core.Facets;

/// <summary>
/// Locates and parses the reference data files shipped in <c>Data/</c> beside the binaries. Every failure names
/// the file, because a bad deployment otherwise surfaces as a puzzling empty facet long after start-up.
/// </summary>
internal static class DataFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string DefaultPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    public static T ReadJson<T>(string path, string what) where T : class
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The {what} file '{Path.GetFullPath(path)}' does not exist.", path);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new InvalidDataException($"The {what} file '{path}' is empty (JSON null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} file '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    public static InvalidDataException Invalid(string path, string what, string problem) =>
        new($"The {what} file '{path}' is malformed: {problem}");
}
