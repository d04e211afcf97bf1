using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Nothing a client sends is kept without a bound: thousands of distinct methods (20 KB each), paths, header values and
/// query strings, with and without the key, leave memory, the /metrics body and the log as they were.
/// </summary>
[Collection(nameof(NotInParallel))]
public sealed class ClientInputBoundTests(ClientInputBoundTests.KeyedLoggedApiFactory api) : IClassFixture<ClientInputBoundTests.KeyedLoggedApiFactory>
{
    private const string SearchKey = "test-search-key-bounds-0123456789";
    private const int MethodBytes = 20 * 1024;

    public sealed class KeyedLoggedApiFactory : SeedApiFactory
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchApiKey", SearchKey);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Log)));
        }
    }

    private static string MadeUpMethod(int i) => new string('A', MethodBytes - 8) + i.ToString("D8");

    /// <summary>Distinct requests of every kind: numbered <paramref name="from"/> on, so no two floods repeat one.</summary>
    private async Task Flood(int from, int count)
    {
        using var anonymous = api.CreateClient();
        using var keyed = api.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", SearchKey);
        for (var i = from; i < from + count; i++)
        {
            var client = i % 2 == 0 ? anonymous : keyed;
            using (var madeUp = new HttpRequestMessage(new HttpMethod(MadeUpMethod(i)), "/search"))
                await client.SendAsync(madeUp);
            await client.GetAsync($"/no-such-page/{i}/{Guid.NewGuid():N}");
            await client.GetAsync($"/search?q=terrorism&page=1&unknown{i}={Guid.NewGuid():N}");
            using var headers = new HttpRequestMessage(HttpMethod.Get, "/suggest?q=terr");
            headers.Headers.Add("X-Request-Id", $"id-{i}-{Guid.NewGuid():N}");
            headers.Headers.Add($"X-Made-Up-{i}", new string('h', 1024));
            headers.Headers.Add("User-Agent", $"agent-{i}-{Guid.NewGuid():N}");
            await client.SendAsync(headers);
        }
    }

    private async Task<int> MetricsLength()
    {
        using var keyed = api.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", SearchKey);
        var response = await keyed.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Length;
    }

    private static long ManagedBytesAfterCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Fact]
    public async Task Metrics_body_stays_flat_under_thousands_of_distinct_requests()
    {
        await Flood(0, 50); // every kind of answer once, so only the counts may still change
        await MetricsLength(); // and /metrics itself
        var before = await MetricsLength();
        await Flood(1_000_000, 2_000);
        var after = await MetricsLength();
        // Counts gain digits. Kept client input would add a line for each of the 8,000 requests, or 20 KB for each made-up
        // method; a route answering with a status not seen before (a slow answer on a loaded machine) adds one series of
        // duration buckets, about 4 KB (52,404 to 56,717 characters once in CI): bounded, so allowed.
        Assert.True(after - before < 16 * 1_024, $"/metrics grew from {before} to {after} characters");
    }

    [Fact]
    public async Task Managed_memory_stays_flat_under_thousands_of_distinct_requests()
    {
        await Flood(2_000_000, 50);
        var before = ManagedBytesAfterCollection();
        await Flood(3_000_000, 2_000);
        var after = ManagedBytesAfterCollection();
        // 2,000 made-up methods kept anywhere would be 80 MB (20 KB, two bytes a character).
        Assert.True(after - before < 16L * 1024 * 1024, $"The managed heap grew from {before / 1024} KB to {after / 1024} KB");
    }

    [Fact]
    public async Task Log_names_made_up_methods_OTHER_and_never_repeats_them()
    {
        await Flood(4_000_000, 20);
        Assert.Contains(api.Log.Messages, message => message.StartsWith("_OTHER unmatched answered 401", StringComparison.Ordinal));
        Assert.True(api.Log.LongestMessage < 1_024, $"A log message of {api.Log.LongestMessage} characters");
    }

    [Fact]
    public async Task Metrics_name_made_up_methods_OTHER()
    {
        await Flood(5_000_000, 2);
        using var keyed = api.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", SearchKey);
        var text = await (await keyed.GetAsync("/metrics")).Content.ReadAsStringAsync();
        // Counted as _OTHER, with no route (none matched), refused for want of the key.
        Assert.Matches(
            @"(?m)^http_server_request_duration_seconds_count\{[^}]*http_request_method=""_OTHER"",http_response_status_code=""401"",network_protocol_version=[^}]*\} [1-9]\d*$",
            text);
        Assert.DoesNotContain("AAAAAAAA", text);
    }
}
