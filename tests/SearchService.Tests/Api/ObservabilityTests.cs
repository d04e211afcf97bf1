using System.Net;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Probes, request ids and the Prometheus metrics endpoint. Not beside other tests: every test host's OpenTelemetry
/// reader listens to every meter named SearchService in the process and merges the instruments of the same name, so a
/// host disposed meanwhile (its meter's instruments completed) takes the shared search-duration histogram out of this
/// host's scrape.
/// </summary>
[Collection(nameof(NotInParallel))]
public sealed class ObservabilityTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Liveness_and_readiness_answer_200_once_the_index_is_open()
    {
        Assert.Equal("alive", (await client.GetOk<ProbeAnswer>("/health/live")).Status);
        Assert.Equal("ready", (await client.GetOk<ProbeAnswer>("/health/ready")).Status);
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_a_sane_caller_id_is_kept()
    {
        var generated = await client.GetAsync("/search?q=terrorism");
        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Request-Id").Single()));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=terrorism");
        request.Headers.Add("X-Request-Id", "caller-42");
        var echoed = await client.SendAsync(request);
        Assert.Equal("caller-42", echoed.Headers.GetValues("X-Request-Id").Single());
    }

    [Theory]
    [InlineData("caller-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("caller <script>")]
    public async Task An_insane_caller_id_is_replaced_by_the_servers(string sent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=terrorism");
        Assert.True(request.Headers.TryAddWithoutValidation("X-Request-Id", sent));
        var answered = (await client.SendAsync(request)).Headers.GetValues("X-Request-Id").Single();

        Assert.NotEqual(sent, answered);
        Assert.False(string.IsNullOrEmpty(answered));
    }

    [Fact]
    public async Task Problem_answers_carry_the_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?page=abc");
        request.Headers.Add("X-Request-Id", "caller-problem-7");
        var problem = await (await client.SendAsync(request)).ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("caller-problem-7", problem.RequestId);
    }

    [Fact]
    public async Task Metrics_count_requests_and_report_the_index_in_prometheus_format()
    {
        await client.GetAsync("/search?q=terrorism");
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        // ASP.NET Core's HTTP server metric, in OpenTelemetry's names: a count by method, status and route.
        Assert.Matches(
            @"(?m)^http_server_request_duration_seconds_count\{[^}]*http_request_method=""GET"",http_response_status_code=""200"",http_route=""/search""[^}]*\} [1-9]\d*$",
            text);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{[^}]*http_route=""/search""[^}]*le=""\+Inf""\}", text);
        // Metric listeners are process-wide: the other test hosts' instruments of the same names show here too, so the
        // gauges are checked for a reading, not for this host's exact count.
        Assert.Matches(@"(?m)^searchservice_index_articles\{[^}]*\} [1-9]\d*$", text);
        Assert.Matches(@"(?m)^searchservice_index_size_bytes\{[^}]*\} [1-9]\d*$", text);
        Assert.Contains("searchservice_indexing_lag_seconds", text);
    }

    [Fact]
    public async Task Metrics_time_searches_by_kind_of_query()
    {
        await client.GetOk<SearchAnswer>("/search?q=title:terrorism&syntax=lucene");
        var text = await client.GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^searchservice_search_duration_seconds_count\{[^}]*searchservice_query_kind=""lucene""[^}]*\} [1-9]\d*$", text);
    }

    [Fact]
    public async Task Metrics_count_semantic_vectors_taken_from_the_cache_and_computed()
    {
        // The second time, the query's and the hits' vectors are all in the cache.
        await client.GetOk("/search?q=pakistan+russia&rerank=semantic");
        await client.GetOk("/search?q=pakistan+russia&rerank=semantic");
        var text = await client.GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^searchservice_semantic_vectors_total\{[^}]*cache=""miss""[^}]*\} [1-9]\d*$", text);
        Assert.Matches(@"(?m)^searchservice_semantic_vectors_total\{[^}]*cache=""hit""[^}]*\} [1-9]\d*$", text);
    }
}
