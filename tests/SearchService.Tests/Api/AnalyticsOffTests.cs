using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace SearchService.Tests.Api;

/// <summary><c>Search:Analytics:RetentionDays=0</c>: nothing is counted, the report says analytics are off, clicks are still accepted.</summary>
public sealed class AnalyticsOffTests(AnalyticsOffTests.Factory api) : IClassFixture<AnalyticsOffTests.Factory>
{
    public sealed class Factory : AdminApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Analytics:RetentionDays", "0");
        }
    }

    [Fact]
    public async Task The_report_is_a_404_problem_saying_analytics_are_off()
    {
        var problem = await api.CreateAdminClient().GetProblem("/analytics", HttpStatusCode.NotFound);

        Assert.Contains("RetentionDays", problem.Detail);
    }

    [Fact]
    public async Task A_click_is_still_answered_so_a_search_box_need_not_know()
    {
        var response = await api.CreateClient().PostAsync("/analytics/click",
            new StringContent("""{"q": "pakistan", "position": 1}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
