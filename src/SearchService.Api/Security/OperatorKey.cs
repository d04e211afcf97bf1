namespace SearchService.Api.Security;

/// <summary>
/// Which key shows the operators' details (<c>/health</c>'s counts and skipped files): the admin key when one is
/// configured, else the search key when one is; with neither, the service is open and so are its details. The search
/// key is not enough beside an admin key, since it is handed to the applications (and browsers) that search.
/// </summary>
public static class OperatorKey
{
    /// <summary>Whether details are open to everyone: no key configured.</summary>
    public static bool IsOpen(AccessOptions access) =>
        string.IsNullOrEmpty(access.AdminApiKey) && string.IsNullOrEmpty(access.SearchApiKey);

    public static bool Matches(AccessOptions access, string? presented) =>
        ApiKey.Matches(presented, string.IsNullOrEmpty(access.AdminApiKey) ? access.SearchApiKey : access.AdminApiKey);
}
