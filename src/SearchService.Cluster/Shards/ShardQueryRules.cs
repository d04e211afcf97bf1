using SearchService.Core.Searching;

namespace SearchService.Cluster.Shards;

/// <summary>
/// What a copy parses each search with, once a silo: the node's synonyms and query cost limits, the ones its gatherer
/// parsed the search with (a copy parsing with others scored another query than the one whose statistics were gathered).
/// </summary>
public sealed record ShardQueryRules(Synonyms Synonyms, QueryCostLimits Limits)
{
    /// <summary>The rules <paramref name="options"/> name; the synonyms file is read here, so a bad one fails the silo's start.</summary>
    public static ShardQueryRules From(ShardGrainOptions options) =>
        new(Synonyms.Load(options.SynonymsPath), QueryCostLimits.Default with { AllowExpensiveQueries = options.AllowExpensiveQueries });
}
