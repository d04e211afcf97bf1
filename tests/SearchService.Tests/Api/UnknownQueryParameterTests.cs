using System.Net;
using System.Text.Json.Nodes;

namespace SearchService.Tests.Api;

/// <summary>
/// A query-string parameter an endpoint does not take is a 400 naming it, on every operation of the OpenAPI document,
/// while every parameter the document lists is taken; pages and scripts people link to take any.
/// </summary>
public sealed class UnknownQueryParameterTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    /// <summary>Pages and scripts, whose addresses pick up parameters of their own (utm_source, a cache-buster).</summary>
    private static readonly HashSet<string> TakingAny = ["/", "/view/{id}", "/widget/search-box.js", "/widget/search-box.{version}.js"];

    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_mistyped_filter_is_a_problem_naming_it_and_listing_what_the_endpoint_takes()
    {
        var response = await admin.GetAsync("/search?q=cotton&regoin=Pakistan");

        var problem = await response.ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("regoin", problem.Parameter);
        Assert.StartsWith("'regoin' is not a parameter of /search (did you mean 'region'?): it takes ", problem.Detail);
        Assert.Contains(" region,", problem.Detail);
        Assert.EndsWith(" and the publisher fields Search:FilterFields names.", problem.Detail);
    }

    [Theory]
    [InlineData("/suggest?q=pak&szie=5", "size")]
    [InlineData("/search?q=cotton&PageSise=5", "pageSize")]
    public async Task A_name_within_two_edits_of_one_taken_is_offered(string url, string meant)
    {
        var problem = await (await admin.GetAsync(url)).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Contains($"(did you mean '{meant}'?)", problem.Detail);
    }

    [Fact]
    public async Task A_name_far_from_every_one_taken_is_offered_none()
    {
        var problem = await (await admin.GetAsync("/suggest?q=pak&callback=render")).ReadProblem(HttpStatusCode.BadRequest);

        Assert.DoesNotContain("did you mean", problem.Detail);
    }

    [Fact]
    public async Task Every_operation_refuses_a_name_it_does_not_take()
    {
        var operations = await Operations();
        Assert.Contains(operations, o => o.Method == "delete" && o.Path == "/articles/{id}");

        foreach (var (method, path, _) in operations.Where(o => !TakingAny.Contains(o.Path)))
        {
            var url = Routed(path) + "?not-a-parameter=1";
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode}");
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True((string?)problem["parameter"] == "not-a-parameter", $"{method} {url} named {problem["parameter"]}");
        }
    }

    [Fact]
    public async Task Every_query_parameter_the_document_lists_is_taken()
    {
        var reads = (await Operations()).Where(o => o.Method == "get").ToList();
        Assert.Contains(reads, o => o.Path == "/search" && o.Parameters.Contains("minVersion"));

        foreach (var (_, path, parameters) in reads)
        {
            foreach (var name in parameters)
            {
                var url = Routed(path) + "?" + name + "=";
                var body = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();

                Assert.DoesNotContain("is not a parameter of", body);
            }
        }
    }

    [Theory]
    [InlineData("/view/{id}?utm_source=newsletter")]
    [InlineData("/widget/search-box.js?v=2")]
    [InlineData("/?q=cotton&utm_campaign=launch")]
    public async Task Pages_and_scripts_take_parameters_of_their_own(string url)
    {
        var response = await admin.GetAsync(Routed(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Each operation of the OpenAPI document with the names of its query parameters.</summary>
    private async Task<List<(string Method, string Path, HashSet<string> Parameters)>> Operations() =>
        (from path in (await admin.GetOk("/openapi/v1.json"))["paths"]!.AsObject()
         from operation in path.Value!.AsObject()
         let parameters = operation.Value!["parameters"]?.AsArray() ?? []
         select (operation.Key, path.Key, parameters.Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToHashSet()))
        .ToList();

    /// <summary>The path with its route values filled in: the seed article, a facet's name, any other id.</summary>
    private static string Routed(string path) => path
        .Replace("{id}", Uri.EscapeDataString(SeedApiFactory.SeedId))
        .Replace("{name}", "region")
        .Replace("{version}", "1");
}
