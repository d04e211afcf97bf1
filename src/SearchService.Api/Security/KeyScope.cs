namespace SearchService.Api.Security;

/// <summary>What a key lets its bearer do. The admin key holds both scopes: it also passes as the search key.</summary>
public enum KeyScope
{
    /// <summary>Reading, when <c>Search:SearchApiKey</c> makes the service private (else reading is open).</summary>
    Search,

    /// <summary>Writing and rebuilding; with no <c>Search:AdminApiKey</c> configured, no one may.</summary>
    Admin,
}
