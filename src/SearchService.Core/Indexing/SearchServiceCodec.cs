using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Codecs.Lucene46;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene's 4.6 codec with two changes: stored fields are compressed in 32 KB chunks by <see cref="Lz4CompressionMode"/>
/// (K4os LZ4, high-compression level), and the suggestion fields' terms are written in larger blocks
/// (<see cref="SuggestionTermBlocks"/>). Its name is written into every segment, so it must be registered
/// (<see cref="Register"/>) before any index written with it is opened; segments of the stock codec stay readable.
/// </summary>
[CodecName("SearchService1")]
public sealed class SearchServiceCodec : FilterCodec
{
    /// <summary>Twice Lucene's default: paragraphs of one article and their repeated headline share a chunk, and the
    /// reader decompresses only as far as the document it wants.</summary>
    public const int ChunkSize = 32 * 1024;

    private static readonly StoredFieldsFormat Stored =
        new CompressingStoredFieldsFormat("SearchServiceStoredFields", Lz4CompressionMode.Instance, ChunkSize);

    public SearchServiceCodec() : base(new SuggestionTermBlocks())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>Lets Lucene find this codec by the name segments record. Idempotent; call before opening an index.</summary>
    public static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchServiceCodec)] });
}
