using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchService.Core.Alerts;
using SearchService.Core.Indexing;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.EndToEnd;

/// <summary>
/// The service killed (SIGKILL) during a corpus pass, after a commit that holds articles matching an alert and before
/// they were matched (during a pass the index refreshes, and so matches, every 30 s, and commits every few seconds),
/// then started again: each of those articles reaches the alert's webhook once, and an article delivered before the
/// kill and matched again after it comes with the same event id.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class AlertCrashTests : IDisposable
{
    private const string AdminKey = "alert-crash-admin-key-0123";
    private const int Articles = 2400;
    private const int EveryNthMentionsPangolins = 12;

    /// <summary>
    /// Paragraphs after the first, so the pass outlasts the delay before a scheduled commit several times over: at 2
    /// paragraphs an article, the idle machine indexed the corpus in 4.4 s, before any commit, and no commit of the pass
    /// ever held an unmatched article; at 11, once a file of one article no longer started threads, in 2.9 s. At 61,
    /// about 146,000 paragraphs: 16 s at the 9,000 paragraphs a second the idle 2-core machine indexed these files.
    /// </summary>
    private const int MoreParagraphs = 60;

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    private string[] Arguments =>
        [$"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", $"--Search:AdminApiKey={AdminKey}",
            $"--Search:Alerts:WebhookHosts:0={WebhookReceiver.Address}"];

    [Fact]
    public async Task Articles_committed_and_not_yet_matched_when_the_service_is_killed_are_delivered_once_after_the_restart()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        new AlertStore(index.Path).Add(new SavedQuery("pangolin"), receiver.Url, DateTimeOffset.UtcNow);
        var expected = WriteCorpus();

        HashSet<string> committedUnmatched;
        using (var service = ServiceProcess.Start(Arguments))
        {
            committedUnmatched = await CommittedAndUnmatched(expected, service, TimeSpan.FromMinutes(5));
            service.Kill();
        }
        await Task.Delay(TimeSpan.FromSeconds(1)); // a POST under way when the process died is answered or gone
        var beforeKill = Deliveries(receiver);
        var missed = committedUnmatched.Except(beforeKill.Select(d => d.ArticleId)).ToHashSet();
        Assert.True(missed.Count > 0, "Every article the last commit held unmatched was delivered before the kill: the kill came too late to test anything.");

        using var restarted = ServiceProcess.Start(Arguments);
        using var client = await restarted.ClientWithKey(AdminKey, TimeSpan.FromSeconds(60));
        var afterRestart = new List<(string EventId, string ArticleId)>();
        for (var i = 0; i < 1200 && !expected.IsSubsetOf(beforeKill.Concat(afterRestart).Select(d => d.ArticleId)); i++)
        {
            await Task.Delay(250);
            afterRestart.AddRange(Deliveries(receiver));
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        afterRestart.AddRange(Deliveries(receiver));

        var undelivered = expected.Except(beforeKill.Concat(afterRestart).Select(d => d.ArticleId)).Order().ToList();
        Assert.True(undelivered.Count == 0,
            $"Never delivered: {string.Join(", ", undelivered)} (of them, held unmatched by the last commit: " +
            $"{string.Join(", ", undelivered.Intersect(committedUnmatched))}). The restarted service said:\n{Tail(restarted.Output)}");
        Assert.All(missed, id => Assert.Single(afterRestart, d => d.ArticleId == id));
        var eventIds = beforeKill.Concat(afterRestart).GroupBy(d => d.ArticleId).ToDictionary(g => g.Key, g => g.Select(d => d.EventId).Distinct().Count());
        Assert.All(eventIds, ids => Assert.Equal(1, ids.Value));
    }

    /// <summary>Writes the corpus, one article a file (a pass commits between files); answers the ids of those that mention pangolins.</summary>
    private HashSet<string> WriteCorpus()
    {
        var pangolins = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < Articles; n++)
        {
            var id = $"article-{n:D4}.txt";
            var mentions = n % EveryNthMentionsPangolins == 0;
            var first = mentions
                ? $"Rangers in district {n} recovered a pangolin from traffickers on the northern road."
                : $"Farmers in district {n} reported an early harvest of maize and beans this season.";
            var more = Enumerable.Range(1, MoreParagraphs).Select(p =>
                $"Item {p} of report {n}: the district office listed road repairs, school openings and market prices for week {p}.");
            corpus.WriteFile(id, $"Report {n} from the district\n\n{first}\n\n{string.Join("\n\n", more)}\n");
            if (mentions)
                pangolins.Add(id);
        }
        return pangolins;
    }

    /// <summary>
    /// Waits for a commit that lists among the articles not yet matched some of <paramref name="expected"/>, read from the
    /// index folder as the restart will read it; answers those.
    /// </summary>
    private async Task<HashSet<string>> CommittedAndUnmatched(HashSet<string> expected, ServiceProcess service, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (LastCommitUnmatched() is { } unmatched && unmatched.Intersect(expected).ToHashSet() is { Count: > 0 } held)
                return held;
            await Task.Delay(20);
        }
        throw new TimeoutException($"No commit held an unmatched article of the alert. The service said:\n{Tail(service.Output)}");
    }

    private List<string>? LastCommitUnmatched()
    {
        SearchServiceCodec.Register(); // the commit names the service's codec; run alone, nothing in this process registered it
        try
        {
            using var directory = FSDirectory.Open(new IndexLayout(index.Path).LiveFolder());
            if (!DirectoryReader.IndexExists(directory))
                return null;
            var infos = new SegmentInfos();
            infos.Read(directory);
            return infos.UserData.TryGetValue(SearchableWrites.UnmatchedKey, out var ids) ? JsonSerializer.Deserialize<List<string>>(ids) : null;
        }
        catch (IOException)
        {
            return null; // a commit under way
        }
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    private static List<(string EventId, string ArticleId)> Deliveries(WebhookReceiver receiver)
    {
        var taken = new List<(string EventId, string ArticleId)>();
        while (receiver.Received.TryTake(out var received))
            taken.AddRange(ApiJson.Read<AlertNoticeAnswer>(received.Body).Hits.Select(h => (received.EventId ?? "", h.ArticleId)).Distinct());
        return taken;
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
