using Microsoft.Win32.SafeHandles;

namespace SearchService.Core.Indexing;

/// <summary>
/// An append-only file of JSON lines, one per write made through the API. A write is acknowledged only once its
/// line is on disk (<see cref="MakeDurableAsync"/>); writers waiting at the same time share one fsync, so a burst
/// of concurrent writes costs a few flushes, not one each. A line torn by a crash was never acknowledged and is
/// cut off when the journal is opened again. <see cref="Replace"/> swaps in a shorter journal (compaction).
/// </summary>
public sealed class WriteJournal : IDisposable
{
    public const string FileName = "api-writes.jsonl";

    private const string ReplacementSuffix = ".new";

    private SafeFileHandle handle;
    private readonly Action<SafeFileHandle> flushToDisk;
    private readonly IFileDurability durability;
    private readonly SemaphoreSlim flushGate = new(1, 1);
    private long length;
    private long durableLength;

    public WriteJournal(string folder) : this(folder, RandomAccess.FlushToDisk)
    {
    }

    /// <param name="flushToDisk">Flushes the journal file to disk (tests pass one that fails, as a failing disk does).</param>
    /// <param name="durability">The steps of <see cref="Replace"/>; null: the disk's (tests record their order).</param>
    internal WriteJournal(string folder, Action<SafeFileHandle> flushToDisk, IFileDurability? durability = null)
    {
        this.flushToDisk = flushToDisk;
        this.durability = durability ?? DiskFileDurability.Instance;
        Path = System.IO.Path.Combine(folder, FileName);
        // A replacement a crash interrupted before it was renamed into place was never the journal.
        File.Delete(Path + ReplacementSuffix);
        handle = File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        length = CompleteLength(handle);
        RandomAccess.SetLength(handle, length);
        RandomAccess.FlushToDisk(handle);
        durableLength = length;
    }

    public string Path { get; }

    /// <summary>Bytes written so far (complete lines only).</summary>
    public long Length => Interlocked.Read(ref length);

    /// <summary>Appends one line; returns the journal length after it. Callers serialise appends.</summary>
    public long Append(ReadOnlySpan<byte> line)
    {
        var at = Interlocked.Read(ref length);
        RandomAccess.Write(handle, line, at);
        RandomAccess.Write(handle, "\n"u8, at + line.Length);
        var end = at + line.Length + 1;
        Interlocked.Exchange(ref length, end);
        return end;
    }

    /// <summary>Returns once everything up to <paramref name="position"/> is on disk.</summary>
    public async Task MakeDurableAsync(long position, CancellationToken cancellation = default)
    {
        if (Interlocked.Read(ref durableLength) >= position)
            return;
        await flushGate.WaitAsync(cancellation);
        try
        {
            if (Interlocked.Read(ref durableLength) >= position)
                return;
            // Everything appended by now rides along with this flush.
            var covered = Interlocked.Read(ref length);
            await Task.Run(() => flushToDisk(handle), CancellationToken.None);
            Interlocked.Exchange(ref durableLength, covered);
        }
        finally
        {
            flushGate.Release();
        }
    }

    /// <summary>
    /// Makes <paramref name="lines"/> the whole journal, atomically: they are written to a new file, flushed to disk and
    /// renamed over the journal, and the rename itself is flushed, so after a crash the journal is either the old or the
    /// new file, both complete. Callers stop appends meanwhile. Returns the new length.
    /// </summary>
    public long Replace(IEnumerable<string> lines)
    {
        flushGate.Wait();
        try
        {
            var replacement = Path + ReplacementSuffix;
            using (var file = new FileStream(replacement, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
                    foreach (var line in lines)
                        writer.WriteLine(line);
                durability.FlushFile(file);
            }
            handle.Dispose();
            try
            {
                durability.Rename(replacement, Path);
                durability.FlushFolder(System.IO.Path.GetDirectoryName(Path)!);
            }
            finally
            {
                // Whichever file is the journal now (the new one, or the old one if the rename failed), appends go on there.
                handle = File.OpenHandle(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
                var current = RandomAccess.GetLength(handle);
                Interlocked.Exchange(ref length, current);
                Interlocked.Exchange(ref durableLength, Math.Min(Interlocked.Read(ref durableLength), current));
            }
            // The new file was flushed whole before the rename.
            Interlocked.Exchange(ref durableLength, Length);
            return Length;
        }
        finally
        {
            flushGate.Release();
        }
    }

    /// <summary>The complete lines from <paramref name="offset"/> up to <paramref name="limit"/>, each with the journal length after it.</summary>
    public IEnumerable<(string Line, long End)> ReadFrom(long offset, long limit = long.MaxValue)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var end = Math.Min(Math.Min(Length, limit), stream.Length);
        stream.Position = Math.Min(offset, end);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var position = stream.Position;
        while (position < end && reader.ReadLine() is { } line)
        {
            position += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            yield return (line, position);
        }
    }

    /// <summary>Length up to and including the last newline: a partial last line is a write that was never acknowledged.</summary>
    private static long CompleteLength(SafeFileHandle file)
    {
        var size = RandomAccess.GetLength(file);
        var buffer = new byte[64 * 1024];
        for (var end = size; end > 0;)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = RandomAccess.Read(file, buffer.AsSpan(0, (int)(end - start)), start);
            var newline = buffer.AsSpan(0, count).LastIndexOf((byte)'\n');
            if (newline >= 0)
                return start + newline + 1;
            end = start;
        }
        return 0;
    }

    public void Dispose()
    {
        handle.Dispose();
        flushGate.Dispose();
    }
}
