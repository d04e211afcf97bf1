using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Core;

/// <summary>Registers the core services: one index per process, the facet extractor, searching and indexing.</summary>
public static class SearchServiceRegistration
{
    public static IServiceCollection AddSearchCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return new SearchIndex(options.IndexPath, sp.GetRequiredService<ILogger<SearchIndex>>(),
                SearcherSetup.Create(TimeSpan.FromMilliseconds(Math.Max(1, options.QueryTimeBudgetMs))));
        });
        services.AddSingleton<IFacetExtractor>(sp =>
            NewsFacetExtractor.Load(NullIfEmpty(sp.GetRequiredService<IOptions<SearchOptions>>().Value.TaxonomyPath)));
        services.AddSingleton<IndexingStatus>();
        services.AddSingleton<CorpusIndexer>();
        services.AddSingleton(sp => JournalProtocol.Open(
            sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<IFacetExtractor>(), sp.GetRequiredService<ILogger<JournalProtocol>>(),
            Math.Max(1, sp.GetRequiredService<IOptions<SearchOptions>>().Value.JournalCompactionBytes)));
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<RebuildRunner>();
        services.AddSingleton(sp => Synonyms.Load(sp.GetRequiredService<IOptions<SearchOptions>>().Value.SynonymsPath));
        var semanticDepth = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()?.SemanticRerankDepth ?? SemanticReranker.DefaultDepth;
        if (semanticDepth > 0) // otherwise none is registered, and the searcher refuses rerank=semantic
        {
            // A search waits for the model at most as long as it may run at all.
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
                return new SentenceEmbedder
                {
                    MaxWait = TimeSpan.FromMilliseconds(Math.Max(1, options.QueryTimeBudgetMs)),
                    Threads = Math.Max(0, options.SemanticRerankThreads),
                    Logger = sp.GetRequiredService<ILogger<SentenceEmbedder>>(),
                };
            });
            services.AddSingleton(sp => new SemanticReranker(sp.GetRequiredService<SentenceEmbedder>(), semanticDepth));
        }
        services.AddSingleton(sp => QueryCostLimits.Default with
        {
            AllowExpensiveQueries = sp.GetRequiredService<IOptions<SearchOptions>>().Value.AllowExpensiveQueries,
        });
        services.AddSingleton<ParagraphSearcher>();
        services.AddSingleton<ArticleLookup>();
        services.AddSingleton<Suggester>();
        return services;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
