using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SearchService.Tests.Api.Answers;

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
    public static async Task<T> GetOk<T>(this HttpClient client, string url) => await (await client.GetAsync(url)).ReadOk<T>();

    /// <summary>Reads an answer that must be a 200 into <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadOk<T>(this HttpResponseMessage response) => Read<T>(await OkBody(response));

    /// <summary>Reads an answer into its record, strictly (<see cref="AnswerOptions"/>).</summary>
    /// <exception cref="JsonException">The JSON does not fit the record.</exception>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, AnswerOptions) ?? throw new JsonException("The answer is null.");

    /// <summary>
    /// GETs a URL that must answer 200 with a JSON object, as a document: for tests whose point is the document's
    /// shape (the OpenAPI document, a member left out). Answers are read into their records with <see cref="GetOk{T}"/>.
    /// </summary>
    public static async Task<JsonObject> GetOk(this HttpClient client, string url) =>
        JsonNode.Parse(await OkBody(await client.GetAsync(url)))!.AsObject();

    private static async Task<string> OkBody(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Request(response)}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>GETs a URL that must fail with <paramref name="status"/> as problem details; returns the problem.</summary>
    public static async Task<ProblemAnswer> GetProblem(this HttpClient client, string url, HttpStatusCode status) =>
        await (await client.GetAsync(url)).ReadProblem(status);

    /// <summary>
    /// Reads an answer that must be <paramref name="status"/> with problem details that say the same status, have a
    /// type and a title, and name the request id the service's logs carry for it.
    /// </summary>
    public static async Task<ProblemAnswer> ReadProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{Request(response)}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Read<ProblemAnswer>(body);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrEmpty(problem.Type), $"{Request(response)}: the problem has no type: {body}");
        Assert.False(string.IsNullOrEmpty(problem.RequestId), $"{Request(response)}: the problem names no request id: {body}");
        return problem;
    }

    private static string Request(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
}
