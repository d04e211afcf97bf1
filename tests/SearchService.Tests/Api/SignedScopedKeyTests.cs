using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Scoped keys an admin signs offline: a JWT signed HS256 with Search:KeySigningSecret, as docs/api.md describes.</summary>
public sealed class SignedScopedKeyTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>
{
    private static long InAnHour => DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

    /// <remarks>JWT libraries add claims of their own (issued at, subject): the key is taken, its filters kept.</remarks>
    [Fact]
    public async Task A_signed_key_sees_only_what_its_filters_allow_whatever_other_claims_it_carries()
    {
        var key = ScopedKeyApiFactory.Sign(new { id = "recorder-2021", iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), sub = "site",
            filters = new { source = new[] { ScopedKeyApiFactory.Publisher }, from = "2021-01-01" }, exp = InAnHour });
        using var client = api.ClientWith(key);
        var within = await client.GetOk<SearchAnswer>("/search?q=cotton OR wheat");
        Assert.NotEmpty(within.Hits);
        Assert.All(within.Hits, hit => Assert.Equal(ScopedKeyApiFactory.KarachiCotton, hit.ArticleId));
    }

    [Fact]
    public async Task A_signed_key_with_its_filters_changed_after_signing_is_refused()
    {
        var key = ScopedKeyApiFactory.Sign(new { id = "recorder", filters = new { source = new[] { ScopedKeyApiFactory.Publisher } }, exp = InAnHour });
        var widened = ScopedKeyApiFactory.Sign(new { id = "recorder", exp = InAnHour }).Split('.')[1];
        var parts = key.Split('.');
        using var client = api.ClientWith($"{parts[0]}.{widened}.{parts[2]}");
        Assert.Contains("signature", (await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized)).Detail);
    }

    [Fact]
    public async Task A_key_signed_with_another_secret_is_refused()
    {
        using var client = api.ClientWith(ScopedKeyApiFactory.Sign(new { id = "forged", exp = InAnHour }, "not-the-servers-secret"));
        await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_signed_key_is_refused_with_401_naming_it()
    {
        var key = ScopedKeyApiFactory.Sign(new { id = "last-year", exp = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds() });
        using var client = api.ClientWith(key);
        var problem = await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized);
        Assert.Equal("last-year", problem.KeyId);
        Assert.Contains("expired", problem.Detail);
    }

    [Fact]
    public async Task A_signed_key_whose_id_is_revoked_is_refused_and_listed()
    {
        var key = ScopedKeyApiFactory.Sign(new { id = "leaked-token", exp = InAnHour });
        using var client = api.ClientWith(key);
        await client.GetOk<SearchAnswer>("/search?q=cotton");
        using var admin = api.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/keys/leaked-token")).StatusCode);
        Assert.Equal("leaked-token", (await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized)).KeyId);
        Assert.Contains((await admin.GetOk<ScopedKeyListAnswer>("/keys")).RevokedSigned, revoked => revoked.Id == "leaked-token");
    }

    /// <remarks>A filter the service ignored would leave the key seeing everything its signer meant to keep from it.</remarks>
    [Fact]
    public async Task A_signed_key_with_a_filter_the_service_does_not_know_is_refused_not_widened()
    {
        var key = ScopedKeyApiFactory.Sign(new { id = "typo", filters = new { sources = new[] { ScopedKeyApiFactory.Publisher } }, exp = InAnHour });
        using var client = api.ClientWith(key);

        await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_key_without_an_expiry_is_refused()
    {
        using var client = api.ClientWith(ScopedKeyApiFactory.Sign(new { id = "for-ever" }));
        await client.GetProblem("/search?q=cotton", HttpStatusCode.Unauthorized);
    }
}
