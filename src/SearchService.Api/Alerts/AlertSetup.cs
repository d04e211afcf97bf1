using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Alerts;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Alerts;

/// <summary>Registers alerts on a single node: the store beside the index, the percolator and its deliveries.</summary>
public static class AlertSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertOptions(configuration);
        services.AddSingleton(sp => new AlertStore(sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath,
            sp.GetRequiredService<IOptions<AlertOptions>>().Value.MaxAlerts));
        services.AddSingleton(sp =>
        {
            var index = sp.GetRequiredService<SearchIndex>();
            return new AlertQueryCompiler(index.Analyzer, sp.GetRequiredService<Synonyms>(), sp.GetRequiredService<QueryCostLimits>(),
                () => index.SpeakerIdentities.Table);
        });
        services.AddSingleton(sp => new AlertMatcher(sp.GetRequiredService<SearchIndex>().Analyzer));
        services.AddAlertDeliveries(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath);
        services.AddSingleton(sp =>
        {
            var lookup = sp.GetRequiredService<ArticleLookup>();
            var extractor = sp.GetRequiredService<IFacetExtractor>();
            return new AlertPercolator(sp.GetRequiredService<AlertStore>(),
                sp.GetRequiredService<AlertQueryCompiler>(), sp.GetRequiredService<AlertMatcher>(), sp.GetRequiredService<AlertEventStream>(),
                sp.GetRequiredService<WebhookSender>(), id => Reread(lookup, extractor, id), sp.GetRequiredService<ILogger<AlertPercolator>>());
        });
        services.AddSingleton<IAlertBook>(sp => new LocalAlertBook(sp.GetRequiredService<AlertStore>(), sp.GetRequiredService<AlertEventStream>(),
            sp.GetRequiredService<WebhookSender>()));
        services.AddSingleton<AlertServices>();
        services.AddHostedService<AlertMatching>();
        return services;
    }

    /// <summary>The <c>Search:Alerts</c> settings, checked at start.</summary>
    internal static void AddAlertOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section))
            .Validate(o => o.MaxAlerts > 0, $"{AlertOptions.Section}:MaxAlerts must be at least 1.")
            .Validate(o => o.MaxConcurrentWebhooks > 0, $"{AlertOptions.Section}:MaxConcurrentWebhooks must be at least 1.")
            .Validate(o => WebhookHosts.Problem(o.WebhookHosts) is null, $"{WebhookHosts.ConfigKey}: each entry must be {WebhookHosts.Forms}.")
            .ValidateOnStart();

    /// <summary>
    /// The event streams, the hosts webhooks may reach, and the webhook sender with its outbox in the folder
    /// <paramref name="root"/> names.
    /// </summary>
    internal static void AddAlertDeliveries(this IServiceCollection services, Func<IServiceProvider, string> root)
    {
        services.AddSingleton<AlertEventStream>();
        services.AddSingleton(sp => WebhookHosts.Parse(sp.GetRequiredService<IOptions<AlertOptions>>().Value.WebhookHosts));
        services.AddSingleton(sp => new WebhookSender(root(sp), sp.GetRequiredService<ILogger<WebhookSender>>(), sp.GetRequiredService<WebhookHosts>(),
            sp.GetRequiredService<IOptions<AlertOptions>>().Value.MaxConcurrentWebhooks));
    }

    /// <summary>An article as the index holds it now, with its facets extracted again (the index keeps no region ancestors).</summary>
    private static SearchableArticle? Reread(ArticleLookup lookup, IFacetExtractor extractor, string id)
    {
        if (lookup.Find(id) is not { } view)
            return null;
        var article = new Core.Corpus.Article(view.Id, view.Title, view.Paragraphs.Select(p => p.Text).ToList(), view.Date, view.Byline, view.Dateline, view.Source);
        return new SearchableArticle(article, extractor.Extract(article));
    }
}
