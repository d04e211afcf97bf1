using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SearchService.Api.Analytics;
using SearchService.Core.Analytics;

namespace SearchService.Tests.Api;

/// <summary>
/// When the service writes its search counts to disk: every <see cref="AnalyticsFlusher.Interval"/> and at shutdown.
/// The clock is a fake one whose timers fire only when a test moves it, so nothing here is written by a tick the test did not make.
/// </summary>
public sealed class AnalyticsFlushTests
{
    private const string Query = "afghanistan situation";

    private sealed class Factory(FakeTimeProvider clock) : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        public AnalyticsDay? StoredDay()
        {
            var path = Index.Combine(AnalyticsFileStorage.FolderName,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
            return File.Exists(path)
                ? JsonSerializer.Deserialize<AnalyticsDay>(File.ReadAllBytes(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                : null;
        }
    }

    private static async Task<T> WithServiceAsync<T>(Func<Factory, FakeTimeProvider, Task<T>> test)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = new Factory(clock);
        await api.InitializeAsync();
        try
        {
            return await test(api, clock);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    [Fact]
    public async Task Counts_not_yet_written_are_on_disk_once_the_service_has_stopped()
    {
        var (beforeStop, afterStop) = await WithServiceAsync(async (api, _) =>
        {
            await api.CreateClient().GetOk("/search?q=Afghanistan+situation");
            var before = api.StoredDay();
            await api.DisposeAsync();
            return (before, api.StoredDay());
        });

        Assert.False(beforeStop?.Queries.ContainsKey(Query) ?? false);
        Assert.Equal(1, afterStop!.Queries[Query].Searches);
    }

    [Fact]
    public async Task Counts_are_written_every_interval_while_the_service_runs()
    {
        var written = await WithServiceAsync(async (api, clock) =>
        {
            await api.CreateClient().GetOk("/search?q=Afghanistan+situation");
            clock.Advance(AnalyticsFlusher.Interval);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (api.StoredDay() is not { } day || !day.Queries.ContainsKey(Query))
            {
                if (DateTime.UtcNow > deadline)
                    return null;
                await Task.Delay(20);
            }
            return api.StoredDay();
        });

        Assert.Equal(1, written!.Queries[Query].Searches);
    }
}
