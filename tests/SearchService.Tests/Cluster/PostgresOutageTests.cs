using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A cluster node whose PostgreSQL stops (<see cref="PostgresOutage"/>: a server of the tests' own, stopped as a
/// shutdown does and started again): writes are refused with a 503 naming PostgreSQL, none of them half-written;
/// searches answer from the shards meanwhile; once PostgreSQL is back, writes succeed again without a restart.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class PostgresOutageTests(PostgresOutage node, ITestOutputHelper output) : IClassFixture<PostgresOutage>
{
    /// <summary>How long a refused write may take: the article log's connect timeout (5 s) and a margin for a busy machine.</summary>
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task Writes_answer_503_naming_PostgreSQL_within_seconds_while_it_is_down()
    {
        await using var outage = await node.StopPostgresAsync();
        var refusals = new List<(string Write, HttpResponseMessage Answer, TimeSpan Took)>();

        foreach (var (write, send) in Writes("refused-put"))
        {
            var clock = Stopwatch.StartNew();
            refusals.Add((write, await send(node.Client), clock.Elapsed));
        }

        foreach (var (write, answer, took) in refusals)
        {
            var problem = await answer.ReadProblem(HttpStatusCode.ServiceUnavailable);
            output.WriteLine($"{write}: {took.TotalMilliseconds:F0} ms, {problem.Detail}");
            Assert.Contains($"PostgreSQL at 127.0.0.1:{node.Postgres.Port}", problem.Detail, StringComparison.Ordinal);
            Assert.True(took < RefusedWithin, $"{write} answered after {took}");
        }
    }

    [PostgresFact]
    public async Task Scoped_keys_are_checked_against_the_keys_read_last_and_issuing_or_revoking_answers_503_while_PostgreSQL_is_down()
    {
        var issued = await node.Client.PostAsJsonAsync("/keys", new { filters = new { region = new[] { "France" } } });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = ApiJson.Read<IssuedScopedKeyAnswer>(await issued.Content.ReadAsStringAsync());
        using var keyed = await node.ClientAsync(key.Secret);

        await using (await node.StopPostgresAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/search?q=brittany")).StatusCode);
            foreach (var refused in new[] { await node.Client.PostAsJsonAsync("/keys", new { }), await node.Client.DeleteAsync($"/keys/{key.Key.Id}") })
            {
                var problem = await refused.ReadProblem(HttpStatusCode.ServiceUnavailable);
                Assert.Contains($"PostgreSQL at 127.0.0.1:{node.Postgres.Port}", problem.Detail, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/search?q=brittany")).StatusCode);
    }

    [PostgresFact]
    public async Task Searches_answer_from_the_shards_while_PostgreSQL_is_down()
    {
        // A word of the fixture's article only: another test's write may still be reaching its shard's copy.
        var before = await ProcessCluster.SearchAsync(node.Client, "/search?q=brittany");

        await using (await node.StopPostgresAsync())
        {
            var during = await ProcessCluster.SearchAsync(node.Client, "/search?q=brittany");

            Assert.Equal(before.Total, during.Total);
            Assert.Equal(before.Hits.Select(h => h.Id), during.Hits.Select(h => h.Id));
            Assert.Contains("lighthouse", during.Hits.Select(h => h.ArticleId));
        }
    }

    [PostgresFact]
    public async Task Health_says_as_of_when_each_copy_answers_while_PostgreSQL_is_down()
    {
        await using (await node.StopPostgresAsync())
        {
            var stopped = DateTimeOffset.UtcNow;
            // Longer than a copy's poll interval: a copy that still read the log would show a later time.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var health = await node.Client.GetFromJsonAsync<SearchService.Api.Cluster.ClusterHealthReport>("/health", ProcessCluster.Json);

            Assert.Equal("degraded", health!.Status);
            var copies = health.Shards.SelectMany(s => s.Copies).ToList();
            Assert.Equal(PostgresOutage.Copies, copies.Count);
            Assert.All(copies, copy =>
            {
                Assert.Null(copy.Lag);
                Assert.NotNull(copy.LogReadAt);
                Assert.True(copy.LogReadAt <= stopped, $"copy {copy.Copy} says it read the log at {copy.LogReadAt:O}, after PostgreSQL stopped at {stopped:O}");
            });
        }
    }

    [PostgresFact]
    public async Task Each_shard_copy_says_once_that_PostgreSQL_is_out_of_reach_and_once_that_it_is_back()
    {
        // A copy still out of reach since an earlier test's outage would say nothing when the log goes again.
        var back = Stopwatch.StartNew();
        while (Count(node.Output, "reads the article log again") < Count(node.Output, "the article log is out of reach"))
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), $"not every copy read the log again after an earlier outage:\n{node.Output}");
            await Task.Delay(100);
        }
        var before = node.Output.Length;

        await using (await node.StopPostgresAsync())
            await Task.Delay(TimeSpan.FromSeconds(3)); // 3 rounds of every copy's loop at least
        var clock = Stopwatch.StartNew();
        while (Count(node.Output[before..], "reads the article log again") < PostgresOutage.Copies)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"not every copy said it reads the log again:\n{node.Output[before..]}");
            await Task.Delay(100);
        }

        Assert.Equal(PostgresOutage.Copies, Count(node.Output[before..], "the article log is out of reach"));

        static int Count(string text, string phrase) => text.Split(phrase).Length - 1;
    }

    [PostgresFact]
    public async Task Writes_refused_while_PostgreSQL_was_down_are_not_written_and_writes_succeed_once_it_is_back()
    {
        await using (await node.StopPostgresAsync())
        {
            foreach (var (_, send) in Writes("refused-while-down"))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await send(node.Client)).StatusCode);
        }

        var clock = Stopwatch.StartNew();
        var refusedAfter = 0;
        while ((await node.Client.PutAsync("/articles/written-after", Body("Keepers return to the lighthouse"))).StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            refusedAfter++;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "writes still refused 30 s after PostgreSQL came back");
            await Task.Delay(100);
        }

        output.WriteLine($"A write succeeded {clock.ElapsedMilliseconds} ms after PostgreSQL was back ({refusedAfter} refused before)");
        Assert.Equal(0, refusedAfter);
        foreach (var id in new[] { "refused-while-down", "refused-while-down-bulk-1", "refused-while-down-bulk-2" })
            Assert.Equal(HttpStatusCode.NotFound, (await node.Client.GetAsync($"/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync("/articles/lighthouse")).StatusCode);
    }

    [PostgresFact]
    public async Task Alert_writes_answer_503_naming_PostgreSQL_while_it_is_down_and_matching_resumes_once_it_is_back()
    {
        var created = await node.Client.PostAsJsonAsync("/alerts", new { q = "foghorn" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alert = ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync());
        using var stream = await node.Client.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());

        await using (await node.StopPostgresAsync())
        {
            foreach (var answer in new[] { await node.Client.PostAsJsonAsync("/alerts", new { q = "foghorn repairs" }), await node.Client.DeleteAsync($"/alerts/{alert.Id}") })
            {
                var problem = await answer.ReadProblem(HttpStatusCode.ServiceUnavailable);
                Assert.Contains($"PostgreSQL at 127.0.0.1:{node.Postgres.Port}", problem.Detail, StringComparison.Ordinal);
            }
        }
        (await node.Client.PutAsync("/articles/foghorn", Body("The foghorn sounds again"))).EnsureSuccessStatusCode();

        var (_, data) = await ServerSentEvents.NextAsync(lines, TimeSpan.FromSeconds(30));
        Assert.Equal("foghorn", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(data).Hits).ArticleId);
    }

    [PostgresFact]
    public async Task Analytics_answer_503_naming_PostgreSQL_while_it_is_down_and_the_searches_meanwhile_count_once_it_is_back()
    {
        await using (await node.StopPostgresAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync("/search?q=foghorn+keepers")).StatusCode);
            var problem = await (await node.Client.GetAsync("/analytics")).ReadProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Contains($"PostgreSQL at 127.0.0.1:{node.Postgres.Port}", problem.Detail, StringComparison.Ordinal);
        }

        // Added by the node's next flush (every 10 s) once PostgreSQL is back.
        var clock = Stopwatch.StartNew();
        long searches;
        while ((searches = await ClusterNodeAnalyticsTests.SearchesAsync(node.Client, "foghorn keepers")) == 0 && clock.Elapsed < TimeSpan.FromSeconds(40))
            await Task.Delay(200);
        Assert.Equal(1, searches);
    }

    /// <summary>A put, a delete of the seeded article and a bulk of two new articles.</summary>
    private static IEnumerable<(string Write, Func<HttpClient, Task<HttpResponseMessage>> Send)> Writes(string id) =>
    [
        ("PUT", client => client.PutAsync($"/articles/{id}", Body("Lighthouse keepers strike"))),
        ("DELETE", client => client.DeleteAsync("/articles/lighthouse")),
        ("bulk", client => client.PostAsync("/articles/_bulk", new StringContent(
            $$"""
            {"id": "{{id}}-bulk-1", "title": "Lighthouse one", "paragraphs": ["The first lighthouse of the bulk."]}
            {"id": "{{id}}-bulk-2", "title": "Lighthouse two", "paragraphs": ["The second lighthouse of the bulk."]}
            """, Encoding.UTF8, "application/x-ndjson"))),
    ];

    private static JsonContent Body(string title) =>
        JsonContent.Create(new { Title = title, Paragraphs = new[] { $"{title}, the harbour master said on Friday." } });
}
