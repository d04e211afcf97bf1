using System.Buffers;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads a stream line by line as raw bytes, so that each line is decoded on its own: one line of invalid
/// UTF-8 costs that line, not the lines buffered around it.
/// </summary>
public sealed class Utf8LineReader(Stream stream) : IDisposable
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
        line.Clear();
        LineTooLong = false;
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = stream.Read(buffer, 0, buffer.Length);
                if (end == 0 && line.WrittenCount == 0 && !LineTooLong)
                    return null;
                if (end == 0)
                    return TrimCarriageReturn(line.WrittenMemory);
            }
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
            if (newline >= 0)
                return TrimCarriageReturn(line.WrittenMemory);
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> bytes) =>
        bytes.Length > 0 && bytes.Span[^1] == (byte)'\r' ? bytes[..^1] : bytes;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        stream.Dispose();
    }
}
