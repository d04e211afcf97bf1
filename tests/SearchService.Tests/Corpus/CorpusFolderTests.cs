using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Corpus;

public class CorpusFolderTests
{
    [Fact]
    public void Only_txt_and_jsonl_files_are_corpus_files_and_ids_are_relative_paths()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("a.txt", "T\n\nBody.");
        dir.WriteFile("2021/b.jsonl", "");
        dir.WriteFile("notes.md", "# not news");
        dir.WriteFile(".hidden.txt", "T\n\nBody.");
        var files = new CorpusFolder(dir.Path).EnumerateFiles().Select(f => f.RelativePath).ToList();
        Assert.Equal(["2021/b.jsonl", "a.txt"], files);
    }

    [Fact]
    public void Binary_txt_file_is_skipped_with_a_problem_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("image.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]);
        var problems = new List<CorpusProblem>();
        var articles = CorpusFolder.ReadArticles(CorpusFile.FromPath(dir.Path, path), problems.Add).ToList();
        Assert.Empty(articles);
        var problem = Assert.Single(problems);
        Assert.Equal("image.txt", problem.File);
        Assert.Contains("binary", problem.Message);
    }

    [Fact]
    public void Txt_file_with_invalid_utf8_is_skipped()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("latin1.txt");
        File.WriteAllBytes(path, "Caf\u00e9 news\n\nBody."u8.ToArray().Concat(new byte[] { 0xE9, 0x0A }).ToArray());
        var problems = new List<CorpusProblem>();
        Assert.Empty(CorpusFolder.ReadArticles(CorpusFile.FromPath(dir.Path, path), problems.Add));
        Assert.Contains("invalid UTF-8", Assert.Single(problems).Message);
    }

    [Fact]
    public void Txt_article_id_is_its_path_relative_to_the_corpus()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("2021/11/seed.txt", "Title\n\nBody text.");
        var article = Assert.Single(CorpusFolder.ReadArticles(CorpusFile.FromPath(dir.Path, path), _ => { }));
        Assert.Equal("2021/11/seed.txt", article.Id);
    }
}
