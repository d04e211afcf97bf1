using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Many searches at once while articles are replaced and a full rebuild runs: none fails, none sees a partial index
/// or an article mixed from two versions, and the rebuild keeps the latest API version of each article.
/// </summary>
public sealed partial class ConcurrencyTests(ConcurrencyTests.GeneratedCorpusFactory api) : IClassFixture<ConcurrencyTests.GeneratedCorpusFactory>
{
    private const int Articles = 300;
    private const int ParagraphsEach = 4;
    private const int Searchers = 6;
    private const int Replacers = 2;

    public sealed class GeneratedCorpusFactory : AdminApiFactory
    {
        protected override void AddToCorpus(TempDirectory folder) =>
            File.WriteAllLines(folder.Combine("generated.jsonl"), Enumerable.Range(0, Articles).Select(n =>
                JsonSerializer.Serialize(new { id = $"gen-{n}", title = $"Harbour log {n}", paragraphs = Paragraphs($"gen-{n}", 0) })));
    }

    private static string[] Paragraphs(string id, int version) =>
        Enumerable.Range(1, ParagraphsEach).Select(p => $"The lighthouse keeper of {id} wrote entry {p} in edition {version}.").ToArray();

    [Fact]
    public async Task Searches_during_replacements_and_a_rebuild_never_fail_and_see_whole_versions()
    {
        using var admin = api.CreateAdminClient();
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var latest = new ConcurrentDictionary<string, int>();
        var searches = 0;

        // Made here, not in the tasks: the factory keeps its clients in a list that is not safe to add to from several
        // threads (two clients added at once left a null in it, and disposing the fixture then failed).
        var clients = Enumerable.Range(0, Searchers).Select(_ => api.CreateClient()).ToList();
        var searchers = clients.Select((client, s) => Task.Run(async () =>
        {
            var random = new Random(s);
            while (!stop.IsCancellationRequested)
            {
                var url = $"/search?q=lighthouse&pageSize=100&page={random.Next(1, Articles * ParagraphsEach / 100 + 1)}";
                var response = await client.GetAsync(url);
                Interlocked.Increment(ref searches);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{url} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                if (Inconsistency(ApiJson.Read<SearchAnswer>(await response.Content.ReadAsStringAsync())) is { } problem)
                    failures.Enqueue($"{url}: {problem}");
            }
        })).ToList();

        var replacers = Enumerable.Range(0, Replacers).Select(r => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // Each replacer owns every other article, so one article's versions are written in order.
                var id = $"gen-{(n * Replacers + r) % Articles}";
                var version = n + 1;
                var response = await admin.PutAsJsonAsync("/articles/" + id, new { title = "Harbour log", paragraphs = Paragraphs(id, version) });
                if (response.IsSuccessStatusCode)
                    latest[id] = version;
                else
                    failures.Enqueue($"PUT {id} → {(int)response.StatusCode}");
            }
        })).ToList();

        await Task.Delay(500);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/index/_rebuild", null)).StatusCode);
        await WaitUntilReady(admin);
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(searchers.Concat(replacers));
        clients.ForEach(client => client.Dispose());

        Assert.Empty(failures);
        Assert.True(searches > 50, $"only {searches} searches ran");
        foreach (var (id, version) in latest)
        {
            var article = await admin.GetOk<ArticleAnswer>("/articles/" + id);
            Assert.All(article.Paragraphs, p => Assert.Equal(version, EditionOf(p.Text)));
        }
    }

    /// <summary>Why a search answer is inconsistent, or null: it must count every paragraph, and an article's paragraphs share one edition.</summary>
    private static string? Inconsistency(SearchAnswer result)
    {
        if (result.Total != Articles * ParagraphsEach)
            return $"total {result.Total}, expected {Articles * ParagraphsEach}";
        var mixed = result.Hits
            .GroupBy(hit => hit.ArticleId)
            .FirstOrDefault(article => article.Select(hit => EditionOf(hit.Text)).Distinct().Count() > 1);
        return mixed is null ? null : $"{mixed.Key} mixes editions";
    }

    private static int EditionOf(string text) => int.Parse(Edition().Match(text).Groups[1].Value);

    [GeneratedRegex(@"in edition (\d+)")]
    private static partial Regex Edition();

    private static async Task WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 1200; i++)
        {
            if ((await client.GetOk<HealthAnswer>("/health")).Status == "ready")
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The rebuild did not finish within 60 s.");
    }
}
