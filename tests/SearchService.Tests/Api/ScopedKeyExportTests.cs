using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>A scoped key's filters limit an export as they limit a search, and a walk made under a key stays under it.</summary>
public sealed class ScopedKeyExportTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>, IAsyncLifetime
{
    private HttpClient scoped = null!;
    private HttpClient unscoped = null!;

    public async Task InitializeAsync()
    {
        var issued = await api.Issue(new { filters = new { source = new[] { ScopedKeyApiFactory.Publisher }, from = "2021-01-01" } });
        scoped = api.ClientWith(issued.Secret);
        unscoped = api.ClientWith(ScopedKeyApiFactory.SearchKey);
    }

    public Task DisposeAsync()
    {
        scoped.Dispose();
        unscoped.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_export_with_the_key_writes_only_the_articles_its_filters_allow()
    {
        var lines = (await scoped.GetStringAsync("/export?q=cotton")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var total = (await scoped.GetOk<SearchAnswer>("/search?q=cotton")).Total;
        Assert.Equal(total, lines.Length);
        Assert.All(lines, line => Assert.Contains(ScopedKeyApiFactory.KarachiCotton, line));
    }

    [Fact]
    public async Task A_cursor_made_under_the_key_is_refused_without_it()
    {
        var next = (await scoped.GetOk<SearchAnswer>("/search?pageSize=1")).Next!;

        var problem = await unscoped.GetProblem($"/search?pageSize=1&after={Uri.EscapeDataString(next)}", HttpStatusCode.BadRequest);

        Assert.Equal("after", problem.Parameter);
    }
}
