using K4os.Compression.LZ4;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Stored-field chunks compressed with K4os LZ4 at a high-compression level, each written as its compressed length and
/// bytes. Reading a hit is then one bulk read and a tight decode that stops where the document ends. Lucene.Net's own
/// LZ4 reads compressed bytes one at a time through the memory-mapped file: that was most of the cost of loading the ten
/// hits of a query, and its fast level left the stored text a third larger.
/// </summary>
public sealed class Lz4CompressionMode : CompressionMode
{
    /// <summary>One instance: Lucene copies chunks unchanged when merging only if the compression modes are the same object.</summary>
    public static readonly Lz4CompressionMode Instance = new();

    private const LZ4Level Level = LZ4Level.L06_HC;

    private Lz4CompressionMode()
    {
    }

    public override Compressor NewCompressor() => new Lz4Compressor();

    public override Decompressor NewDecompressor() => new Lz4Decompressor();

    public override string ToString() => $"K4os LZ4 {Level}";

    private sealed class Lz4Compressor : Compressor
    {
        private byte[] buffer = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput output)
        {
            var bound = LZ4Codec.MaximumOutputSize(len);
            if (buffer.Length < bound)
                buffer = new byte[ArrayUtil.Oversize(bound, 1)];
            var written = len == 0 ? 0 : LZ4Codec.Encode(bytes.AsSpan(off, len), buffer, Level);
            if (written < 0)
                throw new InvalidOperationException($"LZ4 could not compress a stored-field chunk of {len} bytes");
            output.WriteVInt32(written);
            output.WriteBytes(buffer, 0, written);
        }
    }

    /// <remarks>
    /// Decompresses into a buffer of its own rather than the one offered: Lucene offers a new one for every chunk over
    /// 32 KB, which with this chunk size is every chunk. Each reader clone (one per searching thread) has its own
    /// decompressor, and Lucene reads the bytes before it decompresses again.
    /// </remarks>
    private sealed class Lz4Decompressor : Decompressor
    {
        private byte[] compressed = [];
        private byte[] decompressed = [];

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            var compressedLength = input.ReadVInt32();
            if (compressed.Length < compressedLength)
                compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            input.ReadBytes(compressed, 0, compressedLength);
            var needed = offset + length;
            if (decompressed.Length < needed)
                decompressed = new byte[ArrayUtil.Oversize(needed, 1)];
            if (needed > originalLength
                || (needed > 0 && LZ4Codec.PartialDecode(compressed.AsSpan(0, compressedLength), decompressed.AsSpan(0, needed)) != needed))
                throw new CorruptIndexException($"A stored-field chunk of {originalLength} bytes did not decompress to the {needed} wanted");
            bytes.Bytes = decompressed;
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new Lz4Decompressor();
    }
}
