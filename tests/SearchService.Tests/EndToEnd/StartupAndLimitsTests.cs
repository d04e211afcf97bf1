using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.EndToEnd;

/// <summary>Start-up refusals and request limits that only the real process on real Kestrel shows.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class StartupAndLimitsTests : IDisposable
{
    private const string AdminKey = "limits-test-admin-key";
    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    public StartupAndLimitsTests() => File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));

    [Fact]
    public async Task Index_folder_that_cannot_be_written_stops_the_start_saying_so()
    {
        // A regular file where the index folder's parent should be: nothing can be created there, not even by root.
        var blocker = index.WriteFile("not-a-folder", "");
        using var service = ServiceProcess.Start(
            $"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={Path.Combine(blocker, "index")}");

        Assert.NotEqual(0, await service.ExitCode());
        Assert.Contains("cannot be opened for writing", service.Output);
    }

    [Fact]
    public async Task A_webhook_hosts_entry_that_is_no_host_address_or_network_stops_the_start_naming_the_setting()
    {
        using var service = ServiceProcess.Start(
            $"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", "--Search:Alerts:WebhookHosts:0=10.0.0.0/33");

        Assert.NotEqual(0, await service.ExitCode());
        Assert.Contains("Search:Alerts:WebhookHosts: each entry must be", service.Output);
    }

    [Fact]
    public async Task Body_over_the_configured_cap_is_refused_with_413_problem_while_bulk_has_its_own_cap()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}",
            $"--Search:AdminApiKey={AdminKey}", "--Search:MaxRequestBodyBytes=2000");
        using var client = new HttpClient { BaseAddress = await service.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var paragraphs = Enumerable.Range(0, 50).Select(n => $"Paragraph {n} of a long article about harbour dredging.").ToArray();

        var tooLarge = await client.PutAsJsonAsync("/articles/long", new { title = "Long", paragraphs });
        await tooLarge.ReadProblem(HttpStatusCode.RequestEntityTooLarge);

        var line = (new JsonObject { ["id"] = "long", ["title"] = "Long", ["paragraphs"] = new JsonArray([.. paragraphs.Select(p => JsonValue.Create(p))]) }).ToJsonString();
        var bulk = await client.PostAsync("/articles/_bulk", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
    }

    [Fact]
    public async Task Bulk_cut_off_by_its_cap_keeps_the_lines_before_the_cut_and_says_how_many()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}",
            $"--Search:AdminApiKey={AdminKey}", "--Search:MaxBulkBodyBytes=4000");
        using var client = new HttpClient { BaseAddress = await service.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var lines = Enumerable.Range(0, 100)
            .Select(n => new JsonObject { ["id"] = $"capped-{n:D3}", ["title"] = "Capped", ["paragraphs"] = new JsonArray("Quoll survey line.") }
                .ToJsonString() + "\n")
            .ToList();
        // Sent without a length (chunked), so the cap is met while the body is read, not before. The rest follows
        // only once the server has written the first lines: sent sooner, the whole body can be in Kestrel's buffer when
        // the handler first reads, and the cap then refuses that first read (seen on a loaded machine).
        var body = new SlowStartContent(lines, firstLines: 10, () => UntilSearchFinds(client, "quoll", 10));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var request = new HttpRequestMessage(HttpMethod.Post, "/articles/_bulk") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        var problem = await response.ReadProblem(HttpStatusCode.RequestEntityTooLarge);
        var applied = Assert.NotNull(problem.Lines);
        var wholeLinesUnderCap = lines.Select(Encoding.UTF8.GetByteCount).Aggregate((Count: 0, Bytes: 0),
            (sum, length) => sum.Bytes + length <= 4000 ? (sum.Count + 1, sum.Bytes + length) : sum).Count;
        Assert.InRange(applied, 10, wholeLinesUnderCap);
        Assert.Equal(applied, problem.Written);
        var search = await client.GetOk<SearchAnswer>("/search?q=quoll&pageSize=100");
        Assert.Equal(applied, search.Total);
        var written = search.Hits.Select(h => h.ArticleId).Order().ToList();
        Assert.Equal(Enumerable.Range(0, applied).Select(n => $"capped-{n:D3}"), written);
    }

    [Fact]
    public async Task Query_string_past_Kestrels_default_line_limit_gets_a_problem_naming_the_parameter()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}");
        using var client = new HttpClient { BaseAddress = await service.Address };
        var q = string.Join('+', Enumerable.Repeat("harbour", 3_000)); // 24 KB: three times Kestrel's default request line

        var response = await client.GetAsync($"/search?q={q}");

        Assert.Equal("q", (await response.ReadProblem(HttpStatusCode.BadRequest)).Parameter);
    }

    /// <remarks>
    /// Kestrel refuses these before any middleware runs, so no problem document can be written: docs/api.md says so.
    /// Each refusal closes its connection only; the service answers the next request.
    /// </remarks>
    [Fact]
    public async Task Requests_Kestrel_cannot_read_get_its_own_empty_refusal_and_the_service_answers_on()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}");
        using var client = new HttpClient { BaseAddress = await service.Address };
        var pastTheLineLimit = string.Join('+', Enumerable.Repeat("harbour", 10_000)); // 80 KB: past the 64-KB request line

        var nul = await client.GetAsync("/articles/%00/related");
        var tooLong = await client.GetAsync($"/search?q={pastTheLineLimit}");
        var after = await client.GetAsync("/search?q=harbour");

        Assert.Equal((HttpStatusCode.BadRequest, ""), (nul.StatusCode, await nul.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.RequestUriTooLong, ""), (tooLong.StatusCode, await tooLong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Errors_in_production_carry_no_stack_trace_or_file_path()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}",
            "--environment", "Production");
        using var client = new HttpClient { BaseAddress = await service.Address };
        foreach (var url in new[] { "/search?page=abc", "/search?syntax=lucene&q=title:[a%20TO", "/articles/nope", "/search?pageSize=1e309" })
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch(@"\bat [\w.`]+\(", body); // a stack frame: "at Namespace.Type.Method("
            Assert.DoesNotContain(index.Path, body);
            Assert.DoesNotContain(".cs:", body);
        }
    }

    /// <summary>
    /// A body whose first lines come alone and the rest once <c>firstLinesWritten</c> completes, as a slow client streams
    /// it: the server has read and applied the first ones before the rest arrives.
    /// </summary>
    private sealed class SlowStartContent(IReadOnlyList<string> lines, int firstLines, Func<Task> firstLinesWritten) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Take(firstLines))));
            await stream.FlushAsync();
            await firstLinesWritten();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Skip(firstLines))));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task UntilSearchFinds(HttpClient client, string query, int total)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await client.GetOk<SearchAnswer>($"/search?q={query}")).Total < total)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the first {total} lines were not searchable within 60 s");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
