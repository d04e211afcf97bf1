using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Core;
using SearchService.Core.Indexing;

namespace SearchService.Tests.TestSupport;

/// <summary>The core services as the service registers them, over an index folder, without a host.</summary>
public static class CoreServices
{
    /// <param name="settings">More configuration ("Search:Key" → value) on top of the index folder's.</param>
    public static ServiceProvider For(string indexPath, params (string Key, string Value)[] settings) => new ServiceCollection()
        .AddLogging()
        .AddSearchCore(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = indexPath, ["Search:SemanticRerankDepth"] = "0" })
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build())
        .BuildServiceProvider();

    /// <summary>Opens the index and the journal as start-up does, resolving them so the container closes them.</summary>
    public static void OpenIndex(this ServiceProvider services)
    {
        services.GetRequiredService<IndexOpener>().Open();
        services.GetRequiredService<SearchIndex>();
        services.GetRequiredService<JournalProtocol>();
    }
}
