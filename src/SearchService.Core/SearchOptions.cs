namespace SearchService.Core;

/// <summary>The <c>Search</c> configuration section (appsettings, <c>Search__Key</c> environment variables, <c>--Search:Key=</c> arguments).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of articles to index (.txt and .jsonl), relative to the working directory unless absolute.</summary>
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>Folder the Lucene index is written to.</summary>
    public string IndexPath { get; set; } = "index";

    /// <summary>Topic taxonomy file; empty means the default news taxonomy shipped with the service.</summary>
    public string? TaxonomyPath { get; set; }

    /// <summary>How long one search may run before it is stopped with a clear answer (milliseconds).</summary>
    public int QueryTimeBudgetMs { get; set; } = (int)Indexing.SearchIndex.DefaultQueryBudget.TotalMilliseconds;

    /// <summary>
    /// False refuses, with <c>syntax=lucene</c>, the queries that expand to many terms: regular expressions, wildcards,
    /// fuzzy terms, prefixes and ranges (as Elasticsearch's <c>search.allow_expensive_queries</c>).
    /// </summary>
    public bool AllowExpensiveQueries { get; set; } = true;

    /// <summary>
    /// True: a speaker's name variants across the corpus become one facet value, kept beside the index
    /// (<see cref="Facets.SpeakerIdentities"/>). False: each paragraph keeps the names as its article gives them, as the
    /// cluster's shards do today.
    /// </summary>
    public bool SpeakerIdentities { get; set; } = true;

    /// <summary>Query-time synonyms file; empty means the list shipped in Data/synonyms.txt.</summary>
    public string? SynonymsPath { get; set; }

    /// <summary>Length from which the API write journal is compacted once more than half of it is superseded (bytes).</summary>
    public long JournalCompactionBytes { get; set; } = Indexing.JournalProtocol.DefaultCompactAtBytes;

    /// <summary>
    /// How many of the best hits a request with <c>rerank=semantic</c> re-orders by meaning; 0 turns semantic
    /// re-ranking off (such requests are refused, and the model is never loaded).
    /// </summary>
    public int SemanticRerankDepth { get; set; } = Semantics.SemanticReranker.DefaultDepth;

    /// <summary>
    /// The half-life of <c>/search</c>'s <c>recency</c> when a request gives none (<see cref="Searching.HalfLife"/>:
    /// <c>12h</c>, <c>7d</c>, <c>1y</c>); empty: fresh results are not favoured unless a request asks.
    /// </summary>
    public string? RecencyHalfLife { get; set; }

    /// <summary>Editors' pinned results, a JSON file of query → article ids (<see cref="Searching.PinnedQueries"/>); empty: none.</summary>
    public string? PinnedPath { get; set; }

    /// <summary>
    /// The publisher fields that are filters and facets beside region, topic and speaker, comma-separated: any of
    /// source, byline, section, language and <c>fields.&lt;name&gt;</c> (<see cref="Searching.FilterFieldSet"/>); empty: none.
    /// </summary>
    public string? FilterFields { get; set; }

    /// <summary>Threads the semantic re-ranking model runs a batch on; 0: one per core.</summary>
    public int SemanticRerankThreads { get; set; }
}
