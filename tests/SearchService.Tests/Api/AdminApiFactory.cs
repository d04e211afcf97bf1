using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;

namespace SearchService.Tests.Api;

/// <summary>The seed API with the write endpoints enabled by an admin key.</summary>
public class AdminApiFactory : SeedApiFactory
{
    public const string AdminKey = "test-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminApiKey", AdminKey);
    }

    /// <summary>A client that sends the admin key as a bearer token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}
