using SearchService.Core.Searching;

namespace SearchService.Api.Security;

/// <summary>How endpoints take scoped search keys: they declare that they apply the filters, then apply them.</summary>
public static class ScopedKeys
{
    /// <summary>Lets scoped keys reach the endpoint, which promises to limit its answer to <see cref="ScopeOf"/>.</summary>
    public static TBuilder AcceptsScopedKeys<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ScopedKeyEndpoint.Instance);

    /// <summary>What the request's scoped key lets it see; null when it presents no scoped key (it sees everything).</summary>
    public static SearchScope? ScopeOf(HttpContext context) => context.Features.Get<ScopedKeyGrant>()?.Scope;

    /// <summary>Whether the endpoint answering <paramref name="context"/> applies scoped keys' filters.</summary>
    public static bool EndpointAccepts(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ScopedKeyEndpoint>() is not null;

    /// <summary>Why the request's scoped key is refused here, if it is.</summary>
    public static ScopedKeyRefusal? RefusalOf(HttpContext context)
    {
        if (context.Features.Get<ScopedKeyRefusal>() is { } refusal)
            return refusal;
        if (context.Features.Get<ScopedKeyGrant>() is { } grant && !EndpointAccepts(context))
            return new ScopedKeyRefusal(StatusCodes.Status403Forbidden, grant.KeyId,
                $"Key '{grant.KeyId}' is a scoped search key: it may only search (/search, /export, /facets/{{name}}, /suggest, /quotes, /speakers/{{name}}, /articles/{{id}}, /articles/{{id}}/related, /view/{{id}}).");
        return null;
    }
}
