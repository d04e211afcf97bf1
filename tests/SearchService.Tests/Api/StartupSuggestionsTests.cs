using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

public sealed class StartupSuggestionsTests(StartupSuggestionsTests.LoggedApiFactory api) : IClassFixture<StartupSuggestionsTests.LoggedApiFactory>
{
    public sealed class LoggedApiFactory : SeedApiFactory
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Log)));
        }
    }

    [Fact]
    public async Task Start_up_builds_the_suggestion_vocabulary_before_anyone_types()
    {
        // No test here calls /suggest, so only the start-up can have built it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!api.Log.Messages.Any(m => m.StartsWith("Suggestions: ", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Contains(api.Log.Messages, m => m.StartsWith("Suggestions: ", StringComparison.Ordinal) && m.Contains("facet keys from index version"));
    }
}
