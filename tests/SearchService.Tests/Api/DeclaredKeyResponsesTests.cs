using System.Text.RegularExpressions;

namespace SearchService.Tests.Api;

/// <summary>In a private deployment (search key set), the 401s the OpenAPI document declares are exactly those the service answers to a request without a key.</summary>
public sealed class DeclaredKeyResponsesTests(SearchKeyTests.PrivateApiFactory api) : IClassFixture<SearchKeyTests.PrivateApiFactory>
{
    [Fact]
    public async Task An_operation_answers_401_without_a_key_exactly_when_the_document_declares_it()
    {
        using var keyed = api.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", SearchKeyTests.SearchKey);
        var paths = (await keyed.GetOk("/openapi/v1.json"))["paths"]!.AsObject();
        using var anonymous = api.CreateClient();

        var mismatches = new List<string>();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var url = Regex.Replace(path, "{[^}]+}", "region");
                var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url));
                var declared = operation!["responses"]!.AsObject().ContainsKey("401");
                if ((response.StatusCode == System.Net.HttpStatusCode.Unauthorized) != declared)
                    mismatches.Add($"{method.ToUpperInvariant()} {path}: answered {(int)response.StatusCode}, 401 {(declared ? "" : "not ")}declared");
            }
        }

        Assert.Empty(mismatches);
    }
}
