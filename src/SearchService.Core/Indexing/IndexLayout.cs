using System.Text;
using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// Where the live index's Lucene files are in the index folder. The root keeps the process lock and the API write
/// journal; the Lucene files of the live index are in a subfolder, a generation (<c>generation-1</c>, <c>generation-2</c>,
/// …), named by the pointer file <see cref="PointerFileName"/>. A rebuild writes a new generation and switches to it by
/// renaming one small file, so a crash leaves either the old index or the new one, never a mix. An index written before
/// generations existed has its Lucene files in the root and no pointer file: it opens as it is and moves into a
/// generation at its first rebuild.
/// </summary>
/// <param name="durability">The steps of <see cref="SwitchTo"/> (tests record their order).</param>
internal sealed class IndexLayout(string root, IFileDurability durability)
{
    public const string PointerFileName = "live-generation";

    private const string GenerationPrefix = "generation-";
    private const string PointerReplacementSuffix = ".new";

    public IndexLayout(string root) : this(root, DiskFileDurability.Instance)
    {
    }

    private string PointerPath => Path.Combine(root, PointerFileName);

    /// <summary>Folder of the live index: the generation the pointer names, or the root for an index from before generations.</summary>
    public string LiveFolder()
    {
        if (!File.Exists(PointerPath))
            return root;
        var name = File.ReadAllText(PointerPath).Trim();
        if (GenerationNumber(name) is null)
            throw new IOException($"'{PointerPath}' names no index generation: '{name}'.");
        return Path.Combine(root, name);
    }

    /// <summary>A new, empty generation folder, numbered after every generation present.</summary>
    public string CreateNextGeneration()
    {
        var next = GenerationFolders().Select(folder => GenerationNumber(Path.GetFileName(folder))!.Value).DefaultIfEmpty(0).Max() + 1;
        var folder = Path.Combine(root, GenerationPrefix + next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Makes <paramref name="folder"/>, whose index is committed, the live index: its entries are flushed, then the
    /// pointer is written to another name, flushed and renamed over the pointer file, and the rename is flushed. After a
    /// crash the pointer names either the old generation or this one. Throws when the rename did not happen; a failure
    /// after it (flushing the rename) throws <see cref="PointerNotFlushedException"/>: the switch is made but may not
    /// survive a crash.
    /// </summary>
    public void SwitchTo(string folder)
    {
        durability.FlushFolder(folder);
        var replacement = PointerPath + PointerReplacementSuffix;
        using (var file = new FileStream(replacement, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(Path.GetFileName(folder)));
            durability.FlushFile(file);
        }
        durability.Rename(replacement, PointerPath);
        try
        {
            durability.FlushFolder(root);
        }
        catch (IOException e)
        {
            throw new PointerNotFlushedException(e);
        }
    }

    /// <summary>
    /// Removes what the live index in <paramref name="liveFolder"/> does not use: other generations (a rebuild a crash cut
    /// short, or a previous index whose removal it cut short), a pointer replacement never renamed, and the Lucene files
    /// of an index from before generations once the live index is in one.
    /// </summary>
    public void RemoveUnused(string liveFolder)
    {
        File.Delete(PointerPath + PointerReplacementSuffix);
        foreach (var folder in GenerationFolders().Where(folder => folder != liveFolder))
            Remove(folder);
        if (liveFolder != root)
            Remove(root);
    }

    /// <summary>Deletes the index in <paramref name="folder"/>: a generation whole, or only the Lucene files of the root.</summary>
    public void Remove(string folder)
    {
        if (folder != root)
        {
            Directory.Delete(folder, recursive: true);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(root).Where(file => IsLuceneFile(Path.GetFileName(file))))
            File.Delete(file);
        var statements = Path.Combine(root, Quotes.StatementIndex.FolderName);
        if (Directory.Exists(statements))
            Directory.Delete(statements, recursive: true);
    }

    private IEnumerable<string> GenerationFolders() =>
        Directory.EnumerateDirectories(root, GenerationPrefix + "*").Where(folder => GenerationNumber(Path.GetFileName(folder)) is not null);

    private static long? GenerationNumber(string name) =>
        name.StartsWith(GenerationPrefix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(GenerationPrefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static bool IsLuceneFile(string name) =>
        IndexFileNames.CODEC_FILE_PATTERN.IsMatch(name)
        || name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)
        || name == IndexWriter.WRITE_LOCK_NAME;
}
