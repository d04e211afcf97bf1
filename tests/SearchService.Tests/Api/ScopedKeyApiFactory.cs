using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// A private deployment (search key set) that issues scoped keys and takes signed ones, over the seed article and
/// three of two publishers: Business Recorder from Karachi in 2021 and from Islamabad in 2019, Dawn from New Delhi in
/// 2021 (the only one to speak of the monsoon). Everything it logs is kept.
/// </summary>
public sealed class ScopedKeyApiFactory : AdminApiFactory
{
    public const string SearchKey = "test-search-key-scoped-0123456789";
    public const string SigningSecret = "test-signing-secret-5e2a91c7d04b";
    public const string KarachiCotton = "br-karachi-cotton-2021";
    public const string IslamabadWheat = "br-islamabad-wheat-2019";
    public const string DelhiCotton = "dawn-delhi-cotton-2021";
    public const string Publisher = "Business Recorder";

    public CapturedLog Log { get; } = new();

    protected override void AddToCorpus(TempDirectory folder) =>
        File.WriteAllLines(folder.Combine("publishers.jsonl"),
        [
            Line(KarachiCotton, "Cotton prices firm in Karachi", "2021-06-01", Publisher,
                "KARACHI: Cotton prices firmed on the Karachi Cotton Exchange on Tuesday as spinners bought steadily.",
                "Traders said demand from textile mills in Pakistan stayed strong ahead of the export season."),
            Line(IslamabadWheat, "Wheat procurement target raised", "2019-03-10", Publisher,
                "ISLAMABAD: The government of Pakistan raised its wheat procurement target for Punjab on Sunday.",
                "Officials said flour mills would be supplied from the new crop from April."),
            Line(DelhiCotton, "Cotton growers in India expect a record harvest", "2021-06-02", "Dawn",
                "NEW DELHI: Cotton growers in India expect a record harvest this year, the farm ministry said on Wednesday.",
                "Heavy monsoon rains helped the cotton crop in Gujarat and Maharashtra."),
        ]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:SearchApiKey", SearchKey);
        builder.UseSetting("Search:KeySigningSecret", SigningSecret);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Log)));
    }

    /// <summary>Issues a key through <c>POST /keys</c> with the admin key; <paramref name="body"/> is its JSON body.</summary>
    public async Task<IssuedScopedKeyAnswer> Issue(object body)
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/keys", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"POST /keys: {(int)response.StatusCode} {json}");
        return ApiJson.Read<IssuedScopedKeyAnswer>(json);
    }

    /// <summary>A client presenting <paramref name="key"/>, from a page of <paramref name="origin"/> when given.</summary>
    public HttpClient ClientWith(string key, string? origin = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (origin is not null)
            client.DefaultRequestHeaders.Add("Origin", origin);
        return client;
    }

    /// <summary>A signed key as docs/api.md tells an admin to make one: a JWT signed HS256 with <paramref name="secret"/>.</summary>
    public static string Sign(object payload, string secret = SigningSecret) => SignedKeys.Sign(payload, secret);

    private static string Line(string id, string title, string date, string source, params string[] paragraphs) =>
        JsonSerializer.Serialize(new { id, title, date, source, paragraphs });
}
