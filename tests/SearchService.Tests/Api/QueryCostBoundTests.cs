using System.Diagnostics;
using System.Net;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// A query whose automaton would grow exponentially is refused at /search and /facets/{name} before it costs anything:
/// a 400 naming q, in well under 100 ms of processor time, without the process's working set rising by 50 MB. Run alone,
/// so that what the process spends is what the request costs.
/// </summary>
[Collection(nameof(NotInParallel))]
public sealed class QueryCostBoundTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private static readonly TimeSpan Quickly = TimeSpan.FromMilliseconds(100);
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    // Without a bound, each of these took from seconds to over a minute and up to 2 GB.
    public static TheoryData<string> HostileQueries => new()
    {
        "/.*a" + new string('.', 16) + "/",
        "/.*a" + new string('.', 20) + "/",
        "x*a" + new string('?', 16),
        "/(a|aa)*.*b" + new string('.', 16) + "/",
        string.Join(' ', Enumerable.Range(0, 20).Select(i => $"x{(char)('a' + i)}*a{new string('?', 9)}")),
    };

    // Patterns whose automata stay small however they look.
    public static TheoryData<string> BoundedQueries => new()
    {
        "/(a|aa)*b" + new string('.', 16) + "/",
        "/[a-z]{1,50}[0-9]{1,50}/",
        "/" + new string('.', 16) + "a.*/",
    };

    private readonly HttpClient client = CreateClient(api);

    private static HttpClient CreateClient(SeedApiFactory api)
    {
        var client = api.CreateClient();
        // Only so that a regression fails the test instead of holding the run for minutes.
        client.Timeout = TimeSpan.FromSeconds(10);
        return client;
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_refuses_the_query_quickly_naming_q(string q) =>
        await AssertRefusedQuickly($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}");

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Facet_values_refuse_the_query_quickly_naming_q(string q) =>
        await AssertRefusedQuickly($"/facets/speaker?syntax=lucene&q={Uri.EscapeDataString(q)}");

    [Theory]
    [MemberData(nameof(BoundedQueries))]
    public async Task Search_answers_a_bounded_pattern_quickly(string q)
    {
        var url = $"/search?syntax=lucene&q={Uri.EscapeDataString(q)}";
        await client.GetOk<SearchAnswer>(url); // the first request of a path pays for compiling its code

        var cost = await ExtraProcessorTimeOf(() => client.GetOk<SearchAnswer>(url), () => client.GetOk<SearchAnswer>("/search?syntax=lucene&q=terrorism"));

        Assert.True(cost < Quickly, $"{url} cost {cost.TotalMilliseconds:F0} ms more processor time than a word.");
    }

    private async Task AssertRefusedQuickly(string url)
    {
        await client.GetProblem(url, HttpStatusCode.BadRequest); // the first request of a path pays for compiling its code
        var syntaxError = url[..(url.IndexOf("q=", StringComparison.Ordinal) + 2)] + "(";

        var cost = await ExtraProcessorTimeOf(
            async () =>
            {
                var problem = await client.GetProblem(url, HttpStatusCode.BadRequest);
                Assert.Equal("q", problem.Parameter);
                Assert.Contains("too", problem.Detail);
            },
            () => client.GetProblem(syntaxError, HttpStatusCode.BadRequest));

        Assert.True(cost < Quickly, $"{url} cost {cost.TotalMilliseconds:F0} ms more processor time than a syntax error.");
    }

    /// <summary>
    /// How much more processor time the whole process spends on a request than on a cheap one, the least of five tries
    /// each, taken in turn. On a machine shared with other builds, wall time measures the neighbours as much as the
    /// server; the process's own background work (other fixtures' services, the JIT compiling hot code again, a
    /// collection) falls on both requests alike, or in one try and not the least.
    /// </summary>
    private static async Task<TimeSpan> ExtraProcessorTimeOf(Func<Task> request, Func<Task> cheapRequest)
    {
        using var process = Process.GetCurrentProcess();
        async Task<TimeSpan> Cost(Func<Task> send)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await send();
            process.Refresh();
            return process.TotalProcessorTime - before;
        }
        TimeSpan least = TimeSpan.MaxValue, leastCheap = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var cost = await Cost(request);
            least = cost < least ? cost : least;
            var cheap = await Cost(cheapRequest);
            leastCheap = cheap < leastCheap ? cheap : leastCheap;
        }
        return least - leastCheap;
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/facets/speaker")]
    public async Task The_working_set_rises_by_less_than_50_MB_while_the_worst_query_is_refused(string path)
    {
        var url = $"{path}?syntax=lucene&q={Uri.EscapeDataString("/.*a" + new string('.', 16) + "/")}";
        await client.GetAsync(url);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        // Sampled during the request: memory taken and given back before it ends counts too.
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(1);
            }
        });

        var response = await client.GetAsync(url);
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(peak - before < FiftyMegabytes, $"The working set rose by {(peak - before) / 1024 / 1024} MB.");
    }

    [Fact]
    public async Task A_regular_expression_under_the_cap_is_still_searched()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("/terror.{0,4}/ AND pak*"));

        Assert.True(result.Total > 0);
    }

    [Fact]
    public async Task A_wildcard_hit_is_still_highlighted()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("terr?r*"));

        Assert.Contains("<mark>terror", result.Hits[0].Snippet);
    }

    [Fact]
    public async Task A_fuzzy_term_is_still_searched()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("teror~1"));

        Assert.True(result.Total > 0);
    }
}
