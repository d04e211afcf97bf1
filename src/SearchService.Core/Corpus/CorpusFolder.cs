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

    /// <summary>
    /// The corpus files, and the symbolic links among them refused (<see cref="CorpusFile.Refusal"/>), so that each is
    /// reported when read: a linked folder is listed, not entered, and a link to a file is listed when its name is a
    /// corpus file's, or when it does not resolve to a file. Hidden files and folders are left out.
    /// </summary>
    public IEnumerable<CorpusFile> EnumerateFiles()
    {
        if (!Directory.Exists(Root))
            return [];
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        var files = new List<CorpusFile>();
        var folders = new Stack<DirectoryInfo>([new DirectoryInfo(Root)]);
        while (folders.TryPop(out var folder))
        {
            foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
            {
                if (entry.LinkTarget is not null)
                {
                    if (IsCorpusFile(entry.FullName) || entry is not FileInfo { Exists: true })
                        files.Add(CorpusFile.FromPath(Root, entry.FullName));
                }
                else if (entry is DirectoryInfo subfolder)
                    folders.Push(subfolder);
                else if (IsCorpusFile(entry.FullName))
                    files.Add(CorpusFile.FromPath(Root, entry.FullName));
            }
        }
        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>Reads the articles of one file; problems (unreadable file, bad line) are reported, never thrown.</summary>
    /// <param name="bytesRead">Told how far into the file reading has come, for progress reporting.</param>
    public static IEnumerable<Article> ReadArticles(CorpusFile file, Action<CorpusProblem> report, Action<long>? bytesRead = null)
    {
        // Looked at again just before opening: the file may have been replaced by a link since the folder was listed.
        var refusal = file.Refusal
                      ?? (new FileInfo(file.FullPath).LinkTarget is null ? null : "became a symbolic link after the corpus folder was listed; not followed");
        if (refusal is not null)
        {
            report(new CorpusProblem(file.RelativePath, null, refusal));
            return [];
        }
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
