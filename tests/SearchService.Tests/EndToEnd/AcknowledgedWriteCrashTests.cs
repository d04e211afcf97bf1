using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.EndToEnd;

/// <summary>
/// API writes only, the service killed with SIGKILL at chosen and at seeded random moments, then started again: every
/// write answered 2xx is searchable as soon as the restarted service says it is ready, and a bulk cut off by the kill
/// left a prefix of its lines, nothing else. The journal is compacted every few writes (a small
/// <c>Search:JournalCompactionBytes</c>), so kills also land during compactions.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed partial class AcknowledgedWriteCrashTests : IDisposable
{
    private const string AdminKey = "acknowledged-write-crash-key";
    private const int JournalCompactionBytes = 2 * 1024;
    private const int KillCycles = 4;
    private const int BulkLines = 400;

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();
    private readonly ITestOutputHelper output;

    public AcknowledgedWriteCrashTests(ITestOutputHelper output)
    {
        this.output = output;
        corpus.WriteFile("seed.txt", "Seed article\n\nThe first paragraph of the seed mentions Moscow and Kabul.\n");
    }

    private string[] Arguments =>
        [$"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", $"--Search:AdminApiKey={AdminKey}",
            $"--Search:JournalCompactionBytes={JournalCompactionBytes}", "--Search:SearchRequestsPerSecond=0"];

    [Fact]
    public async Task Write_killed_before_the_index_commits_is_searchable_once_the_restarted_service_is_ready()
    {
        using (var service = ServiceProcess.Start(Arguments))
        {
            using var client = await service.ClientWithKey(AdminKey, TimeSpan.FromSeconds(60));
            await WaitUntilReady(client);
            var put = await client.PutAsJsonAsync("/articles/bars-2",
                new { id = "bars-2", title = "Second", paragraphs = new[] { "The WOMBAT accord concerns Moscow." } });
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(1, (await client.GetOk<SearchAnswer>("/search?q=wombat")).Total);
            service.Kill(); // well within the index's commit delay
        }

        using var restarted = ServiceProcess.Start(Arguments);
        using var after = await restarted.ClientWithKey(AdminKey, TimeSpan.FromSeconds(60));
        await WaitUntilReady(after);
        Assert.Equal(1, (await after.GetOk<SearchAnswer>("/search?q=wombat")).Total);
    }

    [Fact]
    public async Task Writes_deletes_and_bulks_killed_at_random_moments_keep_everything_acknowledged()
    {
        var random = new Random(16);
        var state = new WrittenState();
        var compacted = false;
        // How many lines of the bulk each kill interrupted were found after the restart (null: no bulk was under way).
        var cuts = new List<int?>();
        for (var cycle = 0; cycle < KillCycles; cycle++)
        {
            using var service = ServiceProcess.Start(Arguments);
            using var client = await service.ClientWithKey(AdminKey, TimeSpan.FromSeconds(60));
            await WaitUntilReady(client);
            var cut = await Verify(client, state);
            if (cycle > 0)
                cuts.Add(cut);

            using var stop = new CancellationTokenSource();
            var work = new[]
            {
                Task.Run(() => PutAndDeleteUntilStopped(client, "single-a", cycle, state, stop.Token)),
                Task.Run(() => PutAndDeleteUntilStopped(client, "single-b", cycle, state, stop.Token)),
                Task.Run(() => BulkUntilStopped(client, cycle, state, stop.Token)),
            };
            // The kill lands at a random moment after the first answer of the cycle (the first writes wait for the JIT);
            // the last one while a bulk's body is half sent, so that some kill cuts a bulk midway whatever the timing.
            var before = state.Acknowledged;
            for (var i = 0; state.Acknowledged == before && i < 600; i++)
                await Task.Delay(50);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 2500)));
            if (cycle == KillCycles - 1)
            {
                await state.NextBulkHalfSent().WaitAsync(TimeSpan.FromSeconds(30));
                // Time for the service to write the lines of the first half, well before the second comes.
                await Task.Delay(HalvedContent.Pause / 2);
            }
            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(work);
            Assert.True(state.Acknowledged > before, $"cycle {cycle}: nothing was acknowledged before the kill");
            compacted |= service.Output.Contains("Compacted the API write journal");
        }

        using var last = ServiceProcess.Start(Arguments);
        using var final = await last.ClientWithKey(AdminKey, TimeSpan.FromSeconds(60));
        await WaitUntilReady(final);
        cuts.Add(await Verify(final, state));
        output.WriteLine($"Bulk lines found after each kill: {string.Join(", ", cuts.Select(Describe))} of {BulkLines}");
        Assert.True(compacted, "No kill cycle compacted the journal; the test no longer covers compaction");
        // Otherwise the prefix check above never met a bulk the kill cut midway.
        Assert.True(cuts.Any(cut => cut is > 0 and < BulkLines),
            $"No kill cut a bulk midway (lines found: {string.Join(", ", cuts.Select(Describe))} of {BulkLines})");
    }

    /// <summary>
    /// Every acknowledged write is there (or the one after it that was under way), and the bulk the kill interrupted left
    /// exactly its lines 0..k-1 for some k: every bulk line is read, and each after the first that lacks the cut-off bulk
    /// carries its earlier version. What is found is then what later cycles build on. Returns k, or null when no bulk was
    /// under way.
    /// </summary>
    private static async Task<int?> Verify(HttpClient client, WrittenState state)
    {
        foreach (var (id, expected) in state.Singles.ToList())
        {
            var found = await VersionOf(client, id);
            Assert.True(found == expected.Acknowledged || found == expected.InFlight,
                $"{id}: acknowledged {Describe(expected.Acknowledged)}, in flight {Describe(expected.InFlight)}, found {Describe(found)}");
            state.Singles[id] = (found, found);
        }
        var lines = new int?[BulkLines];
        for (var line = 0; line < BulkLines; line++)
            lines[line] = await VersionOf(client, BulkId(line));
        var cutOff = state.BulkInFlight;
        var prefix = cutOff is null ? 0 : lines.TakeWhile(found => found == cutOff).Count();
        for (var line = prefix; line < BulkLines; line++)
            Assert.True(lines[line] == state.BulkLines[line],
                $"bulk line {line}: found {Describe(lines[line])}, acknowledged {Describe(state.BulkLines[line])}; a cut-off bulk leaves only its first lines, and the first {prefix} carry the cut-off bulk {Describe(cutOff)}");
        state.BulkLines = lines;
        state.BulkInFlight = null;
        return cutOff is null ? null : prefix;
    }

    private static async Task PutAndDeleteUntilStopped(HttpClient client, string id, int cycle, WrittenState state, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            int? version = n % 5 == 4 ? null : cycle * 100_000 + n;
            state.Begin(id, version);
            try
            {
                var response = version is { } v
                    ? await client.PutAsJsonAsync("/articles/" + id, new { title = "Probe", paragraphs = Paragraphs(v) }, stop)
                    : await client.DeleteAsync("/articles/" + id, stop);
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
                    state.Acknowledge(id, version);
                else
                    Assert.Fail($"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                return; // the service is gone
            }
        }
    }

    /// <summary>Rewrites the same <see cref="BulkLines"/> ids again and again, each bulk with a version of its own.</summary>
    private static async Task BulkUntilStopped(HttpClient client, int cycle, WrittenState state, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var version = cycle * 100_000 + n;
            var body = new StringBuilder();
            for (var line = 0; line < BulkLines; line++)
                body.Append(new JsonObject
                {
                    ["id"] = BulkId(line),
                    ["title"] = "Bulk",
                    ["paragraphs"] = new JsonArray([.. Paragraphs(version).Select(p => JsonValue.Create(p))]),
                }.ToJsonString()).Append('\n');
            state.BulkInFlight = version;
            try
            {
                HttpContent content = state.HalfSentWanted
                    ? new HalvedContent(Encoding.UTF8.GetBytes(body.ToString()), state.BulkHalfSent)
                    : new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
                var response = await client.PostAsync("/articles/_bulk", content, stop);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None));
                state.AcknowledgeBulk(version);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string BulkId(int line) => $"bulk-{line}";

    private static string[] Paragraphs(int version) =>
        [$"Crash probe paragraph one carries version {version}.", $"Crash probe paragraph two carries version {version}."];

    /// <summary>The version an article carries now; null when it is not there.</summary>
    private static async Task<int?> VersionOf(HttpClient client, string id)
    {
        var response = await client.GetAsync("/articles/" + id);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /articles/{id}: {(int)response.StatusCode} {body}");
        var versions = ApiJson.Read<ArticleAnswer>(body).Paragraphs
            .Select(p => int.Parse(Version().Match(p.Text).Groups[1].Value)).Distinct().ToList();
        return Assert.Single(versions);
    }

    private static string Describe(int? version) => version?.ToString() ?? "absent";

    private static async Task WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 1200; i++)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The service did not become ready within a minute.");
    }

    [GeneratedRegex(@"carries version (\d+)")]
    private static partial Regex Version();

    /// <summary>What the writers sent and what was answered, across kill cycles.</summary>
    /// <summary>
    /// A bulk's body sent in two halves a moment apart, as a slow client sends it: the service writes the lines of the
    /// first half as they arrive and waits for the rest, so a kill then cuts the bulk midway. The other bulks are sent
    /// whole, so the random kills cut them wherever they happen to.
    /// </summary>
    private sealed class HalvedContent : HttpContent
    {
        public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(400);

        private readonly byte[] body;
        private readonly Action halfSent;

        public HalvedContent(byte[] body, Action halfSent)
        {
            (this.body, this.halfSent) = (body, halfSent);
            Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Split after a whole line, so the first half's lines can be read and written before the rest comes.
            var half = Array.LastIndexOf(body, (byte)'\n', body.Length / 2) + 1;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            halfSent();
            await Task.Delay(Pause);
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private sealed class WrittenState
    {
        private readonly Lock gate = new();
        private int acknowledged;

        public Dictionary<string, (int? Acknowledged, int? InFlight)> Singles { get; } = new(StringComparer.Ordinal);

        /// <summary>The version each bulk line must carry.</summary>
        public int?[] BulkLines { get; set; } = new int?[AcknowledgedWriteCrashTests.BulkLines];

        /// <summary>The version of the bulk sent and not answered, if any.</summary>
        public int? BulkInFlight { get; set; }

        private TaskCompletionSource? halfSent;

        /// <summary>Whether the next bulk is to be sent in halves (<see cref="NextBulkHalfSent"/> was called).</summary>
        public bool HalfSentWanted
        {
            get
            {
                lock (gate)
                    return halfSent is not null;
            }
        }

        /// <summary>Completes once the next bulk's body has been half sent (its second half waits a moment).</summary>
        public Task NextBulkHalfSent()
        {
            lock (gate)
                return (halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        /// <summary>Called by a bulk's body once its first half is sent.</summary>
        public void BulkHalfSent()
        {
            lock (gate)
            {
                halfSent?.TrySetResult();
                halfSent = null;
            }
        }

        public int Acknowledged => Volatile.Read(ref acknowledged);

        public void Begin(string id, int? version)
        {
            lock (gate)
                Singles[id] = (Singles.TryGetValue(id, out var known) ? known.Acknowledged : null, version);
        }

        public void Acknowledge(string id, int? version)
        {
            lock (gate)
                Singles[id] = (version, version);
            Interlocked.Increment(ref acknowledged);
        }

        public void AcknowledgeBulk(int version)
        {
            Array.Fill(BulkLines, version);
            BulkInFlight = null;
            Interlocked.Increment(ref acknowledged);
        }
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
