using System.Buffers;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads a stream line by line as raw bytes, so that each line is decoded on its own: one line of invalid
/// UTF-8 costs that line, not the lines buffered around it.
/// </summary>
/// <param name="leaveOpen">Leave the stream open when disposed (it belongs to someone else, e.g. the server).</param>
public sealed class Utf8LineReader(Stream stream, bool leaveOpen = false) : IDisposable
{
    /// <summary>A longer line is skipped unread, so a huge file without line breaks never sits in memory.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private readonly ArrayBufferWriter<byte> line = new();
    private int start;
    private int end;

    /// <summary>Bytes consumed so far, for progress reporting.</summary>
    public long Position { get; private set; }

    /// <summary>Whether the line just returned was longer than <see cref="MaxLineBytes"/> (and is returned empty).</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The next line without its line break (and without a trailing CR), or null at the end of the stream.</summary>
    public ReadOnlyMemory<byte>? ReadLine()
    {
        BeginLine();
        while (true)
        {
            if (start == end && Refilled(stream.Read(buffer, 0, buffer.Length), out var last))
                return last;
            if (TakeUpToNewline() is { } complete)
                return complete;
        }
    }

    /// <summary><see cref="ReadLine"/> for streams that must be read asynchronously (an HTTP request body).</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellation)
    {
        BeginLine();
        while (true)
        {
            if (start == end && Refilled(await stream.ReadAsync(buffer.AsMemory(), cancellation), out var last))
                return last;
            if (TakeUpToNewline() is { } complete)
                return complete;
        }
    }

    private void BeginLine()
    {
        line.Clear();
        LineTooLong = false;
    }

    /// <summary>Takes a fresh buffer of <paramref name="read"/> bytes; true at the end of the stream, with the last line (or null).</summary>
    private bool Refilled(int read, out ReadOnlyMemory<byte>? last)
    {
        start = 0;
        end = read;
        // Typed nulls here and below: a bare null would become an empty ReadOnlyMemory (its conversion from arrays).
        last = end == 0 && (line.WrittenCount > 0 || LineTooLong) ? TrimCarriageReturn(line.WrittenMemory) : (ReadOnlyMemory<byte>?)null;
        return end == 0;
    }

    /// <summary>Moves buffered bytes into the line up to the next newline; the line once it is complete.</summary>
    private ReadOnlyMemory<byte>? TakeUpToNewline()
    {
        var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
        var stop = newline < 0 ? end : newline;
        if (!LineTooLong && line.WrittenCount + (stop - start) > MaxLineBytes)
        {
            LineTooLong = true;
            line.Clear();
        }
        if (!LineTooLong)
            line.Write(buffer.AsSpan(start, stop - start));
        Position += stop - start + (newline < 0 ? 0 : 1);
        start = newline < 0 ? end : newline + 1;
        return newline >= 0 ? TrimCarriageReturn(line.WrittenMemory) : (ReadOnlyMemory<byte>?)null;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> bytes) =>
        bytes.Length > 0 && bytes.Span[^1] == (byte)'\r' ? bytes[..^1] : bytes;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        if (!leaveOpen)
            stream.Dispose();
    }
}
