using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SearchService.Core.Corpus;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.EndToEnd;

/// <summary>
/// The service killed with SIGKILL while it indexes the Reuters corpus and takes API writes, then started again:
/// every acknowledged write is there whole, nothing is doubled, and indexing resumes to the full count. The write
/// journal is compacted every few dozen writes meanwhile (a small <c>Search:JournalCompactionBytes</c>), so the kill
/// may also land in a compaction.
/// CI uses the first <see cref="CiArticles"/> articles; <c>SEARCHSERVICE_CRASH_FULL=1</c> uses the whole file.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed partial class CrashSafetyTests : IDisposable
{
    private const int CiArticles = 8000;
    private const int Writers = 4;
    private const int IdsPerWriter = 3;
    private const int ParagraphsPerWrite = 3;
    private const string AdminKey = "crash-test-admin-key";
    private const string CompactedMessage = "Compacted the API write journal";
    // The journal holds 12 live articles of about 300 bytes each: compacted every dozen writes or so.
    private const int JournalCompactionBytes = 4 * 1024;

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    private string[] Arguments =>
        [$"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", $"--Search:AdminApiKey={AdminKey}",
            $"--Search:JournalCompactionBytes={JournalCompactionBytes}"];

    [ReutersFact]
    public async Task Killed_mid_indexing_keeps_every_acknowledged_write_and_resumes_to_the_full_count()
    {
        var full = Environment.GetEnvironmentVariable("SEARCHSERVICE_CRASH_FULL") == "1";
        var file = corpus.Combine("reuters.jsonl");
        ReutersCorpus.CopyStart(file, full ? null : CiArticles);
        var expected = ExpectedParagraphs(file);

        var acknowledged = new ConcurrentDictionary<string, int>();
        var inFlight = new ConcurrentDictionary<string, int>();
        using (var service = ServiceProcess.Start(Arguments))
        {
            using var client = await service.ClientWithKey(AdminKey, TimeSpan.FromSeconds(30));
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => WriteUntilStopped(client, w, acknowledged, inFlight, stop.Token)))
                .ToList();

            var health = await WaitForMidIndexing(client, acknowledged, () => service.Output.Contains(CompactedMessage));
            Assert.True(health.Status == "indexing",
                $"Indexing finished before the kill; the corpus is too small to test a crash mid-indexing: {health}");
            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.Contains(CompactedMessage, service.Output);
        }

        await RestartAndFindEverythingAcknowledged(Arguments, expected, acknowledged, inFlight, "");
    }

    /// <summary>Articles of the rebuild tests: enough that a rebuild takes a few seconds to aim a kill into, few for CI time.</summary>
    private const int RebuildArticles = 3000;
    private const string RebuildBegunMessage = "Rebuilding the index from";
    private const string IndexedMessage = "Indexed ";
    private const string SwitchedMessage = "Switched to the rebuilt index";

    [ReutersFact]
    public Task Killed_as_a_rebuild_begins_keeps_the_previous_index_and_every_acknowledged_write() =>
        KilledDuringARebuild(output => output.Contains(RebuildBegunMessage), expectSwitched: false);

    [ReutersFact]
    public Task Killed_once_a_rebuild_has_indexed_the_corpus_keeps_one_whole_index_and_every_acknowledged_write() =>
        KilledDuringARebuild(output => Regex.Count(output, IndexedMessage) >= 2, expectSwitched: null);

    [ReutersFact]
    public Task Killed_just_after_the_switch_to_a_rebuild_keeps_the_new_index_and_every_acknowledged_write() =>
        KilledDuringARebuild(output => output.Contains(SwitchedMessage), expectSwitched: true);

    /// <summary>
    /// Indexes the corpus, then rebuilds it while writers run, and kills the service once <paramref name="moment"/>
    /// holds for its log (<paramref name="expectSwitched"/>: whether the switch is logged by then; null when either may
    /// be). After a restart every acknowledged write is there whole and the counts are the full corpus plus the API's.
    /// </summary>
    private async Task KilledDuringARebuild(Func<string, bool> moment, bool? expectSwitched)
    {
        var file = corpus.Combine("reuters.jsonl");
        ReutersCorpus.CopyStart(file, RebuildArticles);
        var expected = ExpectedParagraphs(file);
        string[] arguments = [$"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", $"--Search:AdminApiKey={AdminKey}"];

        var acknowledged = new ConcurrentDictionary<string, int>();
        var inFlight = new ConcurrentDictionary<string, int>();
        var output = "";
        using (var service = ServiceProcess.Start(arguments))
        {
            using var client = await service.ClientWithKey(AdminKey, TimeSpan.FromSeconds(30));
            await WaitUntilReady(client);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => WriteUntilStopped(client, w, acknowledged, inFlight, stop.Token)))
                .ToList();
            for (var i = 0; acknowledged.Count < Writers * IdsPerWriter && i < 600; i++)
                await Task.Delay(50);

            Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.PostAsync("/index/_rebuild", null)).StatusCode);
            for (var i = 0; !moment(service.Output) && i < 12000; i++)
                await Task.Delay(5);
            service.Kill();
            output = service.Output;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(moment(output), $"The moment to kill never came:\n{output}");
            if (expectSwitched is { } switched)
                Assert.Equal(switched, output.Contains(SwitchedMessage));
        }

        await RestartAndFindEverythingAcknowledged(arguments, expected, acknowledged, inFlight, output);
    }

    /// <summary>
    /// Starts the service again and waits until it is done indexing: every acknowledged write is there whole (or the
    /// one after it that was under way at the kill), and the counts are the corpus plus the API's articles.
    /// </summary>
    private static async Task RestartAndFindEverythingAcknowledged(string[] arguments, Dictionary<string, int> expected,
        ConcurrentDictionary<string, int> acknowledged, ConcurrentDictionary<string, int> inFlight, string outputBeforeKill)
    {
        using var restarted = ServiceProcess.Start(arguments);
        using var after = await restarted.ClientWithKey(AdminKey, TimeSpan.FromSeconds(30));
        var ready = await WaitUntilReady(after);

        foreach (var (id, version) in acknowledged)
        {
            var article = await after.GetOk<ArticleAnswer>("/articles/" + id);
            var versions = article.Paragraphs.Select(p => VersionOf(p.Text)).Distinct().ToList();
            Assert.Equal(ParagraphsPerWrite, article.Paragraphs.Count);
            var found = Assert.Single(versions);
            Assert.True(found == version || (inFlight.TryGetValue(id, out var pending) && found == pending),
                $"{id}: acknowledged version {version}, found {found}\nBEFORE:\n{outputBeforeKill}\nAFTER:\n{restarted.Output}");
        }
        Assert.Equal(expected.Count + acknowledged.Count, ready.Articles);
        Assert.Equal(expected.Values.Sum() + ParagraphsPerWrite * acknowledged.Count, ready.Paragraphs);
    }

    /// <summary>Each writer replaces its own ids in turn, one request at a time, so at most one version per id is unanswered.</summary>
    private static async Task WriteUntilStopped(
        HttpClient client, int writer, ConcurrentDictionary<string, int> acknowledged, ConcurrentDictionary<string, int> inFlight,
        CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"crash-probe-{writer}-{n % IdsPerWriter}";
            var version = n / IdsPerWriter;
            var paragraphs = Enumerable.Range(1, ParagraphsPerWrite)
                .Select(p => $"Crash probe {id} paragraph {p} carries version {version}.").ToArray();
            inFlight[id] = version;
            try
            {
                var response = await client.PutAsJsonAsync("/articles/" + id, new { title = $"Probe {id}", paragraphs }, stop);
                if (response.IsSuccessStatusCode)
                    acknowledged[id] = version;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                return; // the service is gone
            }
        }
    }

    /// <summary>Until indexing is under way, every id has been written and the journal has been compacted at least once.</summary>
    private static async Task<HealthAnswer> WaitForMidIndexing(
        HttpClient client, ConcurrentDictionary<string, int> acknowledged, Func<bool> compacted)
    {
        for (var i = 0; ; i++)
        {
            var health = await client.GetOk<HealthAnswer>("/health");
            var mid = health.Status == "indexing" && health.Articles > acknowledged.Count;
            if ((mid && acknowledged.Count >= Writers * IdsPerWriter && compacted()) || health.Status == "ready" || i > 1200)
                return health;
            await Task.Delay(50);
        }
    }

    private static async Task<HealthAnswer> WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 3000; i++)
        {
            var health = await client.GetOk<HealthAnswer>("/health");
            if (health.Status == "ready")
                return health;
            await Task.Delay(100);
        }
        throw new TimeoutException("The restarted service did not finish indexing within 5 minutes.");
    }


    /// <summary>Article id → paragraph count, as the corpus reader reads the file (a later line with the same id wins).</summary>
    private static Dictionary<string, int> ExpectedParagraphs(string file)
    {
        using var stream = File.OpenRead(file);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in JsonlArticleReader.Read(stream, "reuters.jsonl", _ => { }))
            expected[article.Id] = article.Paragraphs.Count;
        return expected;
    }

    private static int VersionOf(string text) => int.Parse(Version().Match(text).Groups[1].Value);

    [GeneratedRegex(@"carries version (\d+)")]
    private static partial Regex Version();

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
