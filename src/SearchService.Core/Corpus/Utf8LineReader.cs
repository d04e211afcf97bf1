using System.Buffers;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads a stream line by line as raw bytes, so that each line is decoded on its own: one line of invalid
/// UTF-8 costs that line, not the lines buffered around it.
/// </summary>
public sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private readonly ArrayBufferWriter<byte> line = new();
    private int start;
    private int end;

    /// <summary>Bytes consumed so far, for progress reporting.</summary>
    public long Position { get; private set; }

    /// <summary>The next line without its line break (and without a trailing CR), or null at the end of the stream.</summary>
    public ReadOnlyMemory<byte>? ReadLine()
    {
        line.Clear();
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = stream.Read(buffer, 0, buffer.Length);
                if (end == 0 && line.WrittenCount == 0)
                    return null;
                if (end == 0)
                    return TrimCarriageReturn(line.WrittenMemory);
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
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
