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
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.RecencyHalfLife) || HalfLife.TryParse(o.RecencyHalfLife, out _),
                $"Search:RecencyHalfLife must be empty or a half-life, {HalfLife.Format}.")
            .Validate(o => FilterFieldSet.Problem(o.FilterFields) is null,
                "Search:FilterFields may name only source, byline, section, language and fields.<name> (lower-case letters, digits, '_' and '-', from a letter).")
            .ValidateOnStart();
        services.AddSingleton(sp => SearcherSetup.Create(
            TimeSpan.FromMilliseconds(Math.Max(1, sp.GetRequiredService<IOptions<SearchOptions>>().Value.QueryTimeBudgetMs))));
        // Opened by the host's start-up (IndexOpener.Open), never by resolving them.
        services.AddSingleton<IndexOpener>();
        services.AddSingleton(sp => sp.GetRequiredService<IndexOpener>().Index);
        services.AddSingleton(sp => sp.GetRequiredService<IndexOpener>().Journal);
        services.AddSingleton(sp => sp.GetRequiredService<IndexOpener>().Extractor);
        services.AddSingleton<IndexingStatus>();
        services.AddSingleton<CorpusIndexer>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<RebuildRunner>();
        services.AddSingleton(sp => Synonyms.Load(sp.GetRequiredService<IOptions<SearchOptions>>().Value.SynonymsPath));
        services.AddSingleton(sp => FilterFieldSet.Parse(sp.GetRequiredService<IOptions<SearchOptions>>().Value.FilterFields));
        services.AddSingleton(sp => new PinnedQueries(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.PinnedPath, sp.GetRequiredService<ILogger<PinnedQueries>>()));
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
        services.AddSingleton(sp => new PointsInTime(sp.GetRequiredService<SearchIndex>()));
        services.AddSingleton(_ => new CursorCodec());
        services.AddSingleton<CursorPaging>();
        services.AddSingleton<MatchExport>();
        services.AddSingleton<Quotes.QuoteSearcher>();
        services.AddSingleton<Quotes.SpeakerProfiles>();
        services.AddSingleton<ArticleLookup>();
        services.AddSingleton<Suggester>();
        return services;
    }
}
