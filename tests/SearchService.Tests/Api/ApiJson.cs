using System.Net;
using System.Text.Json.Nodes;

namespace SearchService.Tests.Api;

/// <summary>Reading JSON answers in tests.</summary>
public static class ApiJson
{
    public static async Task<JsonObject> GetOk(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>GETs a URL that must fail with <paramref name="status"/> as problem details; returns the problem.</summary>
    public static async Task<JsonObject> GetProblem(this HttpClient client, string url, HttpStatusCode status)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        return problem;
    }

    public static List<string> Values(this JsonNode? facet) =>
        facet!.AsArray().Select(v => (string)v!["value"]!).ToList();

    public static List<string> Strings(this JsonNode? array) => array!.AsArray().Select(v => (string)v!).ToList();
}
