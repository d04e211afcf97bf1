using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Api.Security;
using SearchService.Core;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>The log tells a revocation once: revoking a key again says it was revoked already, not that it was revoked then.</summary>
public sealed class ScopedKeyRevocationLogTests : IDisposable
{
    private readonly TempDirectory index = new();
    private readonly CapturedLog log = new();
    private readonly LoggerFactory loggers;
    private readonly ScopedKeyStore store;

    public ScopedKeyRevocationLogTests()
    {
        loggers = new LoggerFactory([log]);
        var options = Options.Create(new SearchOptions { IndexPath = index.Path });
        store = new ScopedKeyStore(new ScopedKeyFileStorage(options), TimeProvider.System, loggers.CreateLogger<ScopedKeyStore>());
    }

    [Fact]
    public async Task An_issued_key_revoked_twice_is_logged_as_revoked_once()
    {
        var (key, _) = await store.IssueAsync("newsroom box", new ScopedKeyFilters(), [], null, CancellationToken.None);
        await store.RevokeAsync(key.Id, CancellationToken.None);
        var firstRevocation = store.Keys().Single().RevokedAt;
        await store.RevokeAsync(key.Id, CancellationToken.None);

        Assert.Equal(firstRevocation, store.Keys().Single().RevokedAt);
        Assert.Single(log.Messages, m => m == $"Revoked scoped search key {key.Id}");
        Assert.Single(log.Messages, m => m.StartsWith($"Scoped search key {key.Id} was revoked already", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_key_id_revoked_twice_is_logged_as_revoked_once()
    {
        await store.RevokeAsync("partner-site-7", CancellationToken.None);
        await store.RevokeAsync("partner-site-7", CancellationToken.None);

        Assert.Single(store.RevokedSigned());
        Assert.Single(log.Messages, m => m == "Revoked scoped search key partner-site-7");
        Assert.Single(log.Messages, m => m.StartsWith("Scoped search key partner-site-7 was revoked already", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        loggers.Dispose();
        index.Dispose();
    }
}
