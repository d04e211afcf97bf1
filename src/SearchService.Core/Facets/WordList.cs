namespace SearchService.Core.Facets;

/// <summary>
/// A <see cref="PhraseSet"/> kept as a text file in <c>Data/</c>: one entry a line, <c>#</c> starts a comment
/// (the first one names the source).
/// </summary>
public static class WordList
{
    public static PhraseSet Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The word list file '{Path.GetFullPath(path)}' does not exist.", path);
        var entries = File.ReadLines(path)
            .Select(line => line.Split('#', 2)[0].Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (entries.Count == 0)
            throw new InvalidDataException($"The word list file '{path}' has no entries.");
        return PhraseSet.Of(entries);
    }

    public static PhraseSet LoadDefault(string fileName) => Load(DataFile.DefaultPath(fileName));
}
