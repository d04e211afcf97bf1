using System.Net.Http.Headers;
using System.Text;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.EndToEnd;

/// <summary>The keys (admin, search, issued, signed) and the signing secret reach the service in its arguments and in requests; the log it writes never shows them.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class SecretsInLogsTests : IDisposable
{
    private const string AdminKey = "admin-secret-4f1c9e";
    private const string SearchKey = "search-secret-8b27d3";
    private const string WrongKey = "wrong-secret-a51e07";
    private const string SigningSecret = "signing-secret-0c6e2b9d41f7a8e35b";
    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    public SecretsInLogsTests() => File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));

    [Fact]
    public async Task Keys_sent_right_wrong_or_in_odd_places_never_appear_in_the_log()
    {
        using var service = ServiceProcess.Start($"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}",
            $"--Search:AdminApiKey={AdminKey}", $"--Search:SearchApiKey={SearchKey}", $"--Search:KeySigningSecret={SigningSecret}",
            "--Logging:LogLevel:Default=Debug");
        using var client = new HttpClient { BaseAddress = await service.Address };
        var issued = await IssueScopedKey(client);
        var signed = SignedKeys.Sign(new { id = "signed-probe", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }, SigningSecret);
        var badlySigned = SignedKeys.Sign(new { id = "forged-probe", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }, WrongKey);

        foreach (var key in new[] { AdminKey, SearchKey, WrongKey, issued, signed, badlySigned })
        {
            using var bearer = new HttpRequestMessage(HttpMethod.Get, "/search?q=kabul");
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await client.SendAsync(bearer);
            using var header = new HttpRequestMessage(HttpMethod.Put, "/articles/secret-probe")
            {
                Content = new StringContent("""{"title":"Probe","paragraphs":["A probe paragraph."]}""", Encoding.UTF8, "application/json"),
            };
            header.Headers.Add("X-Api-Key", key);
            await client.SendAsync(header);
            await client.GetAsync($"/search?q={key}&apiKey={key}");
            await client.GetAsync($"/articles/{key}");
        }
        service.Kill();

        var log = service.Output;
        Assert.Contains("/search", log); // the requests were logged, just not their secrets
        Assert.DoesNotContain(AdminKey, log);
        Assert.DoesNotContain(SearchKey, log);
        Assert.DoesNotContain(WrongKey, log);
        Assert.DoesNotContain(SigningSecret, log);
        Assert.DoesNotContain(issued, log);
        // A signed key's signature is its secret part; its header and claims are no secret.
        Assert.DoesNotContain(signed.Split('.')[2], log);
        Assert.DoesNotContain(badlySigned.Split('.')[2], log);
    }

    private static async Task<string> IssueScopedKey(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/keys")
        {
            Content = new StringContent("""{"description":"log probe"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("secret").GetString()!;
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
