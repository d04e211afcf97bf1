using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Api.Security;
using SearchService.Core;

namespace SearchService.Tests.Api;

/// <summary>A scoped key's secret is in the answer that issues it and nowhere else: not in the log, not on disk.</summary>
public sealed class ScopedKeySecretsTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>
{
    [Fact]
    public async Task Secrets_issued_used_revoked_or_mistyped_never_appear_in_the_log()
    {
        var issued = await api.Issue(new { filters = new { source = new[] { ScopedKeyApiFactory.Publisher } }, origins = new[] { "https://www.brecorder.com" } });
        var signed = ScopedKeyApiFactory.Sign(new { id = "logged-token", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        foreach (var key in new[] { issued.Secret, signed, issued.Secret + "x" })
        {
            using var client = api.ClientWith(key, "https://www.brecorder.com");
            await client.GetAsync("/search?q=cotton");
            await client.GetAsync("/metrics");
            using var elsewhere = api.ClientWith(key, "https://elsewhere.example");
            await elsewhere.GetAsync("/suggest?q=cott");
        }
        using var admin = api.CreateAdminClient();
        await admin.DeleteAsync($"/keys/{issued.Key.Id}");
        using var revoked = api.ClientWith(issued.Secret);
        await revoked.GetAsync("/search?q=cotton");

        var log = string.Join("\n", api.Log.Messages);
        Assert.Contains(issued.Key.Id, log); // the key is logged by its id
        Assert.DoesNotContain(issued.Secret[ScopedKeyStore.SecretPrefix.Length..], log);
        Assert.DoesNotContain(signed.Split('.')[2], log);
    }

    [Fact]
    public async Task Issued_keys_are_kept_in_the_index_folder_as_hashes_and_survive_a_restart()
    {
        var issued = await api.Issue(new { filters = new { source = new[] { ScopedKeyApiFactory.Publisher } } });
        var options = api.Services.GetRequiredService<IOptions<SearchOptions>>();
        var file = Path.Combine(options.Value.IndexPath, ScopedKeyFileStorage.FileName);
        Assert.DoesNotContain(issued.Secret[ScopedKeyStore.SecretPrefix.Length..], await File.ReadAllTextAsync(file));

        var restarted = new ScopedKeyStore(new ScopedKeyFileStorage(options), TimeProvider.System, NullLogger<ScopedKeyStore>.Instance);
        Assert.Null(restarted.Check(issued.Secret, out var grant));
        Assert.Equal(issued.Key.Id, grant.KeyId);
        Assert.Equal([ScopedKeyApiFactory.Publisher], grant.Scope.Source);
        Assert.NotNull(restarted.Check(issued.Secret + "x", out _));
    }
}
