using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// A service with Search:FilterFields = section, byline, fields.desk over the seed article and four stories of a
/// news site with the publisher's fields: three in Markets (two of the Energy desk, by Ruth Gant), one in World.
/// Private (a search key), so it issues scoped keys.
/// </summary>
public sealed class FilterFieldsApiFactory : AdminApiFactory
{
    public const string SearchKey = "test-search-key-fields-0123456789";
    public const string FilterFields = "section,byline,fields.desk";

    protected override void AddToCorpus(TempDirectory folder) =>
        File.WriteAllLines(folder.Combine("site.jsonl"),
        [
            Line("opec-vienna-2024", "OPEC keeps oil output steady", "Markets", "Ruth Gant", "Energy",
                "VIENNA: OPEC ministers agreed on Monday to keep oil output steady until June.",
                "Oil prices rose two percent after the decision, traders said."),
            Line("gas-storage-2024", "Europe's gas storage fills early", "Markets", "Ruth Gant", "Energy",
                "BRUSSELS: Gas storage in Europe is nearly full, easing fears of an oil and gas squeeze this winter."),
            Line("cocoa-ghana-2024", "Cocoa prices hit a record", "Markets", "Kwame Mensah", "Commodities",
                "ACCRA: Cocoa prices hit a record as farmers in Ghana lost crops to drought; palm oil rose too."),
            Line("oil-spill-alaska-2024", "Oil spill reaches Alaska's beaches", "World", "Dana Price", "Environment",
                "ANCHORAGE: An oil spill off the coast of Alaska reached the beaches on Tuesday."),
        ]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:FilterFields", FilterFields);
        builder.UseSetting("Search:SearchApiKey", SearchKey);
    }

    /// <summary>A client with the search key.</summary>
    public HttpClient CreateSearchClient() => With(SearchKey);

    /// <summary>A client with a scoped key issued through <c>POST /keys</c> for <paramref name="filters"/>.</summary>
    public async Task<HttpClient> CreateScopedClient(object filters)
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/keys", new { filters });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST /keys: {(int)response.StatusCode} {json}");
        return With(ApiJson.Read<IssuedScopedKeyAnswer>(json).Secret);
    }

    private HttpClient With(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Line(string id, string title, string section, string byline, string desk, params string[] paragraphs) =>
        JsonSerializer.Serialize(new
        {
            id, title, date = "2024-03-04", source = "Example News", url = $"https://www.example-news.com/{section.ToLowerInvariant()}/{id}",
            byline, section, language = "en", fields = new { desk }, paragraphs,
        });
}
