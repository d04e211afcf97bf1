namespace SearchService.Api.Security;

/// <summary>The keys and limits of the <c>Search</c> configuration section that guard the API.</summary>
public sealed class AccessOptions
{
    /// <summary>Key for the write endpoints; when empty they are disabled (403).</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>When set, every endpoint except the health probes needs this key (or the admin key).</summary>
    public string? SearchApiKey { get; set; }

    /// <summary>Largest request body accepted, except by the bulk endpoint (bytes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of <c>POST /articles/_bulk</c> (bytes); it is streamed, so this only bounds the work.</summary>
    public long MaxBulkBodyBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Searches one client (by address) may make per second; 0 turns the limit off.</summary>
    public int SearchRequestsPerSecond { get; set; } = 50;
}
