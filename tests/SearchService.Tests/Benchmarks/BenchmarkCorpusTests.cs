using SearchService.Benchmarks.Performance;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Benchmarks;

/// <summary>The benchmarks' corpus file carries what the articles carry, so a run with publisher fields indexes them.</summary>
public sealed class BenchmarkCorpusTests
{
    [Fact]
    public void Publisher_fields_written_to_the_corpus_file_are_read_back_by_the_service()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("corpus.jsonl");
        var written = Enumerable.Range(1, 5).Select(i => BenchmarkCorpus.WithPublisherFields(NewsArticles.Cocoa($"reuters-{i}"), i)).ToList();

        BenchmarkCorpus.Write(written, path);
        using var stream = File.OpenRead(path);
        var read = JsonlArticleReader.Read(stream, path, problem => Assert.Fail(problem.Message)).ToList();

        Assert.Equal(
            written.Select(a => (a.Id, a.Source, a.Byline, a.Section, a.Language, a.Url, a.Fields!["desk"], a.Fields["wire"])),
            read.Select(a => (a.Id, a.Source, a.Byline, a.Section, a.Language, a.Url, a.Fields!["desk"], a.Fields["wire"])));
    }
}
