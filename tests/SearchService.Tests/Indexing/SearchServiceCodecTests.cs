using Lucene.Net.Analysis.Core;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public sealed class SearchServiceCodecTests : IDisposable
{
    private static readonly string[] Sentences =
    [
        "Pakistan's Foreign Office said on Tuesday that talks with Afghanistan would resume in Islamabad next week.",
        "The Shanghai Cooperation Organisation welcomed the decision, a spokesman said.",
        "Crude oil prices rose 40 cents a barrel in early trading on the New York Mercantile Exchange.",
        "Shares of the company fell 1-1/4 to 32-3/8 after it reported lower fourth-quarter earnings.",
    ];

    private readonly TempDirectory folder = new();

    static SearchServiceCodecTests() => SearchServiceCodec.Register();

    [Fact]
    public void Every_stored_paragraph_reads_back_exactly_after_segments_are_merged()
    {
        var texts = Enumerable.Range(0, 600).Select(Paragraph).ToList();
        using (var directory = FSDirectory.Open(folder.Path))
        using (var writer = new IndexWriter(directory, Config(new SearchServiceCodec())))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument(new Document { new StoredField("text", texts[i]) });
                if (i % 200 == 199)
                    writer.Commit();
            }
            writer.ForceMerge(1);
        }

        Assert.Equal(texts, ReadStoredTexts());
    }

    [Fact]
    public void A_document_larger_than_two_chunks_reads_back_exactly()
    {
        // Documents over twice the chunk size are compressed in slices; the one after it must still read correctly.
        var huge = string.Join(" ", Enumerable.Range(0, 3 * SearchServiceCodec.ChunkSize / 40).Select(Paragraph));
        Assert.True(huge.Length > 2 * SearchServiceCodec.ChunkSize);
        using (var directory = FSDirectory.Open(folder.Path))
        using (var writer = new IndexWriter(directory, Config(new SearchServiceCodec())))
        {
            writer.AddDocument(new Document { new StoredField("text", Sentences[0]) });
            writer.AddDocument(new Document { new StoredField("text", huge) });
            writer.AddDocument(new Document { new StoredField("text", Sentences[1]) });
        }

        Assert.Equal([Sentences[0], huge, Sentences[1]], ReadStoredTexts());
    }

    [Fact]
    public void An_index_written_with_the_stock_codec_stays_readable()
    {
        using (var directory = FSDirectory.Open(folder.Path))
        using (var writer = new IndexWriter(directory, Config(new Lucene46Codec())))
            writer.AddDocument(new Document { new StoredField("text", Sentences[2]) });

        Assert.Equal([Sentences[2]], ReadStoredTexts());
    }

    [Fact]
    public void The_search_index_writes_its_segments_with_this_codec()
    {
        using (var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance))
        {
            index.ReplaceArticle(new Article("a1", "Talks resume", [Sentences[0], Sentences[1]]),
                new ArticleFacets(ParagraphFacets.Empty, []), null);
            index.Commit();
        }

        var segments = new SegmentInfos();
        using var directory = FSDirectory.Open(folder.Path);
        segments.Read(directory);
        Assert.NotEmpty(segments.Segments);
        Assert.All(segments.Segments, s => Assert.Equal("SearchService1", s.Info.Codec.Name));
    }

    [Theory]
    [InlineData(IndexSchema.Words)]
    [InlineData(IndexSchema.Phrases)]
    public void A_suggestion_field_in_large_term_blocks_reads_back_every_term_with_its_count_after_a_merge(string field)
    {
        // Enough distinct terms for several blocks of its size, written over three segments and merged.
        var words = Enumerable.Range(0, 2_000).Select(n => $"word{n:D5}").ToList();
        using (var directory = FSDirectory.Open(folder.Path))
        using (var writer = new IndexWriter(directory, Config(new SearchServiceCodec())))
        {
            for (var i = 0; i < words.Count; i++)
            {
                writer.AddDocument(new Document { new TextField(field, $"{words[i]} {words[i / 2]}", Field.Store.NO) });
                if (i % 700 == 699)
                    writer.Commit();
            }
            writer.ForceMerge(1);
        }

        using var reader = DirectoryReader.Open(FSDirectory.Open(folder.Path));
        var termsEnum = MultiFields.GetTerms(reader, field).GetEnumerator();
        var read = new List<(string, int)>();
        while (termsEnum.MoveNext())
            read.Add((termsEnum.Term.Utf8ToString(), termsEnum.DocFreq));
        var expected = words.Select(w => (w, Enumerable.Range(0, words.Count).Count(i => words[i] == w || words[i / 2] == w))).ToList();
        Assert.Equal(expected, read);
        // Looked up one by one too, as a scoped suggestion's term query does.
        Assert.Equal(expected, words.Select(w => (w, reader.DocFreq(new Term(field, w)))));
    }

    private static string Paragraph(int n) => $"{n}. {Sentences[n % Sentences.Length]} {Sentences[n * 7 % Sentences.Length]}";

    private static IndexWriterConfig Config(Lucene.Net.Codecs.Codec codec) =>
        new(IndexSchema.Version, new WhitespaceAnalyzer(IndexSchema.Version)) { Codec = codec };

    private List<string> ReadStoredTexts()
    {
        using var directory = FSDirectory.Open(folder.Path);
        using var reader = DirectoryReader.Open(directory);
        return Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get("text")).ToList();
    }

    public void Dispose() => folder.Dispose();
}
