using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SearchService.Tests.Api;

/// <summary>Reading JSON answers in tests.</summary>
public static class ApiJson
{
    /// <summary>
    /// The web defaults (camelCase), made strict so a changed contract fails the test that reads it: names match in
    /// their exact case, numbers must be numbers, a parameter without a default must be in the JSON, and a null where
    /// the record says non-null is refused. Whether unknown members fail is each record's own choice
    /// (<see cref="JsonUnmappedMemberHandlingAttribute"/>).
    /// </summary>
    private static readonly JsonSerializerOptions AnswerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>GETs a URL that must answer 200; returns the answer read into <typeparamref name="T"/>.</summary>
    public static async Task<T> GetOk<T>(this HttpClient client, string url) => Read<T>(await GetOkBody(client, url));

    /// <summary>Reads an answer into its record, strictly (<see cref="AnswerOptions"/>).</summary>
    /// <exception cref="JsonException">The JSON does not fit the record.</exception>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, AnswerOptions) ?? throw new JsonException("The answer is null.");

    public static async Task<JsonObject> GetOk(this HttpClient client, string url) =>
        JsonNode.Parse(await GetOkBody(client, url))!.AsObject();

    private static async Task<string> GetOkBody(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
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
}
