using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SearchService.Tests.GeneratedClient;
using SearchService.Tests.GeneratedClient.Models;

namespace SearchService.Tests.Api;

/// <summary>
/// The Kiota client generated from the OpenAPI document (GeneratedClient/) works against the service as it is: it
/// searches, writes with the admin key passed as the document's security scheme says, and reads problems.
/// </summary>
public sealed class GeneratedClientTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task Client_reads_hits_and_facet_counts_of_a_search()
    {
        var result = await Client(new AnonymousAuthenticationProvider()).Search.GetAsync(search => search.QueryParameters.Q = "terrorism");

        Assert.True(result!.Total > 0);
        Assert.Contains(result.Hits!, hit => hit.ArticleId == SeedApiFactory.SeedId && !string.IsNullOrEmpty(hit.Snippet));
        Assert.Contains(result.Facets!.Region!, region => region.Value == "Pakistan" && region.Count > 0);
    }

    [Fact]
    public async Task Client_writes_an_article_with_the_admin_key_in_the_declared_scheme()
    {
        var scheme = (await api.CreateClient().GetOk("/openapi/v1.json"))["components"]!["securitySchemes"]!["adminKey"]!;
        Assert.Equal("header", (string?)scheme["in"]);
        var client = Client(new ApiKeyAuthenticationProvider(AdminApiFactory.AdminKey, (string)scheme["name"]!, ApiKeyAuthenticationProvider.KeyLocation.Header, "localhost"));
        var article = new ArticleBody
        {
            Title = "Generated client writes",
            Paragraphs = ["KABUL - A paragraph written through the generated client.", "A second paragraph, about Pakistan."],
            Date = new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero),
            Byline = "By A. Reporter",
            Dateline = "KABUL, March 1",
            Source = "Test Wire",
        };

        var written = await client.Articles["generated-client-0001"].PutAsync(article);

        Assert.Equal("generated-client-0001", written!.Id);
        Assert.Equal(2, written.Paragraphs);
        var read = (await client.Articles["generated-client-0001"].GetAsync())!;
        Assert.Equal(("Generated client writes", "By A. Reporter", "KABUL, March 1", "Test Wire"), (read.Title, read.Byline, read.Dateline, read.Source));
        Assert.Equal(article.Date, read.Date);
        Assert.Equal(article.Paragraphs, read.Paragraphs!.Select(p => p.Text));
    }

    [Fact]
    public async Task Client_writes_a_body_split_at_blank_lines()
    {
        var client = Client(new ApiKeyAuthenticationProvider(AdminApiFactory.AdminKey, "X-Api-Key", ApiKeyAuthenticationProvider.KeyLocation.Header, "localhost"));

        var written = await client.Articles["generated-client-0002"].PutAsync(
            new ArticleBody { Title = "Body text", Body = "The first paragraph.\n\nThe second paragraph." });

        Assert.Equal(2, written!.Paragraphs);
    }

    [Fact]
    public async Task Client_reads_a_400_as_problem_details_naming_the_parameter()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            Client(new AnonymousAuthenticationProvider()).Search.GetAsync(search => search.QueryParameters.PageSize = 0));

        Assert.Equal(400, problem.Status);
        Assert.Equal("pageSize", problem.Parameter);
    }

    private SearchServiceClient Client(IAuthenticationProvider authentication)
    {
        // Kiota hands keys only to https addresses; the in-process server answers any scheme.
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        return new SearchServiceClient(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }
}
