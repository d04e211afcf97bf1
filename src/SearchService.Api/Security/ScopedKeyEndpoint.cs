namespace SearchService.Api.Security;

/// <summary>
/// Marks an endpoint that applies a scoped key's filters to what it answers (<see cref="ScopedKeys.ScopeOf"/>). A
/// scoped key passes only at such endpoints: everywhere else it is refused (403), as it would see past its filters.
/// </summary>
public sealed class ScopedKeyEndpoint
{
    public static readonly ScopedKeyEndpoint Instance = new();

    private ScopedKeyEndpoint()
    {
    }
}
