using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Codecs.Lucene46;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene's 4.6 codec writing the terms of <see cref="IndexSchema.Words"/> and <see cref="IndexSchema.Phrases"/> in
/// blocks of 128–256 terms instead of 25–48. Their terms are many and mostly distinct (a phrase of one lead paragraph),
/// and the terms writer compiles an index of its own for every block, each starting on a 32 KB page: at every flush
/// and merge, most of what the suggestion fields allocated. The suggester reads these terms in order and seeks only a
/// few, so a coarser index over them costs nothing it notices. Blocks are read whatever their size, so segments
/// written either way stay readable under the same format name.
/// </summary>
internal sealed class SuggestionTermBlocks : Lucene46Codec
{
    private static readonly PostingsFormat LargeBlocks = new Lucene41PostingsFormat(128, 256);

    public override PostingsFormat GetPostingsFormatForField(string field) =>
        field is IndexSchema.Words or IndexSchema.Phrases ? LargeBlocks : base.GetPostingsFormatForField(field);
}
