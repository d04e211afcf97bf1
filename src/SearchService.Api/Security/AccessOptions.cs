namespace SearchService.Api.Security;

/// <summary>The keys and limits of the <c>Search</c> configuration section that guard the API.</summary>
public sealed class AccessOptions
{
    /// <summary>Key for the write endpoints; when empty they are disabled (403).</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>When set, every endpoint except the health probes needs this key (or the admin key).</summary>
    public string? SearchApiKey { get; set; }

    /// <summary>
    /// Secret that signs scoped search keys made offline (<see cref="SignedScopedKey"/>); when empty, signed keys are
    /// refused. Changing it revokes every signed key at once.
    /// </summary>
    public string? KeySigningSecret { get; set; }

    /// <summary>Largest request body accepted, except by the bulk endpoint (bytes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of <c>POST /articles/_bulk</c> (bytes); it is streamed, so this only bounds the work.</summary>
    public long MaxBulkBodyBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Searches one client (by address; an IPv6 client by its /64) may make per second; 0 turns the limit off.</summary>
    public int SearchRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Proxies (addresses or CIDR networks, e.g. <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> names the client.
    /// Empty: the header is never believed, and the client is the connection's peer.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Clients the per-client limits keep apart at once; past this, new clients share one overflow limit until clients
    /// unseen for two minutes are forgotten. Bounds the limits' memory (some hundred bytes a client).
    /// </summary>
    public int MaxTrackedClients { get; set; } = 100_000;

    /// <summary>Wrong keys one client may present per minute before every key it presents gets 429; 0 turns the limit off.</summary>
    public int KeyFailuresPerMinute { get; set; } = 10;

    /// <summary>
    /// Searches and facet counts with <c>syntax=lucene</c> or <c>rerank=semantic</c> that may run at once; one more is
    /// answered 503 at once. 0 turns the limit off.
    /// </summary>
    public int ExpensiveQueryConcurrency { get; set; } = Environment.ProcessorCount;
}
