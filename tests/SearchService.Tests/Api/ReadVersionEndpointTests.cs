using System.Net;
using SearchService.Api.Endpoints;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// <c>minVersion</c> on a single node: a value that is not a whole number of 0 or more is a problem naming it; any
/// other is met already (the node answers a write only once it is searchable), and the node hands out no version.
/// </summary>
public sealed class ReadVersionEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("0x10")]
    public async Task A_bad_min_version_is_a_problem_naming_min_version(string minVersion)
    {
        var problem = await client.GetProblem($"/search?q=lithium&minVersion={Uri.EscapeDataString(minVersion)}", HttpStatusCode.BadRequest);

        Assert.Equal(ReadVersionParameters.Parameter, problem.Parameter);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("123456789")]
    [InlineData("99999999999999999999999")]
    public async Task A_single_node_answers_any_min_version_as_without_it_and_reports_none(string minVersion)
    {
        var plain = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        var answer = await client.GetAsync($"/search?q=terrorism&minVersion={minVersion}");

        Assert.NotEmpty(plain.Hits);
        Assert.Equal(plain.Hits.Select(h => h.ArticleId), (await answer.ReadOk<SearchAnswer>()).Hits.Select(h => h.ArticleId));
        Assert.False(answer.Headers.Contains(ReadVersionParameters.Header));
    }
}
