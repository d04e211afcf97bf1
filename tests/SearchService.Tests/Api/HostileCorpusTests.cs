using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Every kind of hostile corpus file at once: binary, empty, huge (300 MB, written sparsely into the temp folder),
/// invalid UTF-8, broken JSON lines, an id that climbs out of its folder or holds a control character. Each is skipped and counted in /health;
/// the good articles beside them are searchable.
/// </summary>
public sealed class HostileCorpusTests(HostileCorpusTests.HostileCorpusFactory api) : IClassFixture<HostileCorpusTests.HostileCorpusFactory>
{
    private const long HugeBytes = 300L * 1024 * 1024;

    public sealed class HostileCorpusFactory : SeedApiFactory
    {
        protected override void AddToCorpus(TempDirectory folder)
        {
            File.WriteAllBytes(folder.Combine("binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF]);
            folder.WriteFile("empty.jsonl", "");
            File.WriteAllBytes(folder.Combine("latin1.txt"), [.. "Caf"u8, 0xE9, .. " au lait\n\nUn article."u8]);
            Sparse(folder.Combine("huge.txt"));
            Sparse(folder.Combine("huge.jsonl"));
            folder.WriteFile("wire.jsonl", string.Join('\n',
                """{"id": "good-1", "title": "Tea", "paragraphs": ["Darjeeling tea auction prices climbed."]}""",
                """{"id": "../../etc/passwd", "title": "Escape", "paragraphs": ["Darjeeling."]}""",
                """{"id": "tea\u0001leaf", "title": "Control", "paragraphs": ["Darjeeling."]}""",
                """{"id": "broken", "title": """,
                """["not", "an", "object"]""",
                """{"id": "good-2", "title": "More tea", "paragraphs": ["Assam tea exports rose."]}"""));
        }

        /// <summary>A file of <see cref="HugeBytes"/> that takes no disk space: its length is set, nothing is written.</summary>
        private static void Sparse(string path)
        {
            using var file = new FileStream(path, FileMode.CreateNew);
            file.SetLength(HugeBytes);
        }
    }

    [Fact]
    public async Task Each_hostile_file_is_skipped_and_counted_in_health()
    {
        var health = await api.CreateClient().GetOk<HealthAnswer>("/health");

        Assert.Equal(["binary.txt", "empty.jsonl", "huge.txt", "latin1.txt"], health.Skipped.Select(s => s.File));
        Assert.Equal(4, health.FilesSkipped);
        // wire.jsonl: the climbing id, the id with a control character, the broken line and the array; huge.jsonl: its one 300 MB line.
        Assert.Equal(5, health.LinesSkipped);
    }

    [Fact]
    public async Task Good_articles_beside_hostile_files_are_searchable()
    {
        var client = api.CreateClient();
        Assert.Equal(1, (await client.GetOk<SearchAnswer>("/search?q=darjeeling")).Total);
        Assert.Equal(1, (await client.GetOk<SearchAnswer>("/search?q=assam")).Total);
        Assert.Equal(3, (await client.GetOk<HealthAnswer>("/health")).Articles);
    }
}
