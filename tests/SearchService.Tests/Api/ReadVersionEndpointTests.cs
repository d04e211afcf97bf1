using System.Net;
using SearchService.Api.Endpoints;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// <c>minVersion</c> on a single node, on every read that takes it (<c>/search</c>, <c>/facets/{name}</c>,
/// <c>/export</c>, <c>/articles/{id}/related</c>): a value that is not a whole number of 0 or more is a problem naming
/// it; any other is met already (the node answers a write only once it is searchable), and the node hands out no version.
/// </summary>
public sealed class ReadVersionEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    public static TheoryData<string, string> BadValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var read in Reads)
        {
            foreach (var value in new[] { "-1", "abc", "1.5", "0x10" })
                data.Add(read, value);
        }
        return data;
    }

    public static TheoryData<string, string> MetValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var read in Reads)
        {
            foreach (var value in new[] { "0", "123456789", "99999999999999999999999" })
                data.Add(read, value);
        }
        return data;
    }

    private static readonly string[] Reads =
        ["/search?q=terrorism", "/facets/region?q=terrorism", "/export?q=terrorism", $"/articles/{SeedApiFactory.SeedId}/related?size=5"];

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_min_version_is_a_problem_naming_min_version(string read, string minVersion)
    {
        var problem = await client.GetProblem($"{read}&minVersion={Uri.EscapeDataString(minVersion)}", HttpStatusCode.BadRequest);

        Assert.Equal(ReadVersionParameters.Parameter, problem.Parameter);
    }

    [Theory]
    [MemberData(nameof(MetValues))]
    public async Task A_single_node_answers_any_min_version_as_without_it_and_reports_none(string read, string minVersion)
    {
        var plain = await client.GetAsync(read);
        var answer = await client.GetAsync($"{read}&minVersion={minVersion}");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(await Body(plain), await Body(answer));
        Assert.False(answer.Headers.Contains(ReadVersionParameters.Header));
    }

    // Without the answer's timing, which differs between two requests.
    private static async Task<string> Body(HttpResponseMessage answer) =>
        System.Text.RegularExpressions.Regex.Replace(await answer.Content.ReadAsStringAsync(), "\"tookMs\":[0-9.eE+-]+", "");
}
