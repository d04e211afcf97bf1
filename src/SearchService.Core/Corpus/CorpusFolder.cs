namespace SearchService.Core.Corpus;

/// <summary>The corpus folder: which files are articles, and reading each into articles.</summary>
public sealed class CorpusFolder(string root)
{
    /// <summary>A .txt file larger than this is refused: no real article is that long, and it would be held in memory whole.</summary>
    public const long MaxTxtFileBytes = 16 * 1024 * 1024;

    private static readonly string[] Extensions = [".txt", ".jsonl"];

    public string Root { get; } = Path.GetFullPath(root);

    public static bool IsCorpusFile(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
        && !Path.GetFileName(path).StartsWith('.');

    public IEnumerable<CorpusFile> EnumerateFiles()
    {
        if (!Directory.Exists(Root))
            return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(Root, "*", options)
            .Where(IsCorpusFile)
            .Select(path => CorpusFile.FromPath(Root, path))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>Reads the articles of one file; problems (unreadable file, bad line) are reported, never thrown.</summary>
    /// <param name="bytesRead">Told how far into the file reading has come, for progress reporting.</param>
    public static IEnumerable<Article> ReadArticles(CorpusFile file, Action<CorpusProblem> report, Action<long>? bytesRead = null)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new CorpusProblem(file.RelativePath, null, $"cannot be read: {e.Message}"));
            return [];
        }

        if (Path.GetExtension(file.FullPath).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            if (stream.Length > 0)
                return JsonlArticleReader.Read(stream, file.RelativePath, report, bytesRead);
            stream.Dispose();
            report(new CorpusProblem(file.RelativePath, null, "empty file"));
            return [];
        }

        using (stream)
        {
            var articles = ReadTxt(stream, file, report);
            bytesRead?.Invoke(file.Length);
            return articles;
        }
    }

    private static IEnumerable<Article> ReadTxt(Stream stream, CorpusFile file, Action<CorpusProblem> report)
    {
        if (stream.Length > MaxTxtFileBytes)
        {
            report(new CorpusProblem(file.RelativePath, null, $"larger than {MaxTxtFileBytes / (1024 * 1024)} MiB; not an article"));
            return [];
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = CorpusText.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var problem);
        var article = text is null ? null : TxtArticleReader.Parse(file.RelativePath, text, out problem);
        if (article is null)
        {
            report(new CorpusProblem(file.RelativePath, null, problem!));
            return [];
        }
        return [article];
    }
}
