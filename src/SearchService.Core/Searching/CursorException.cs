namespace SearchService.Core.Searching;

/// <summary>A cursor (<c>after</c>) that cannot be followed: malformed, altered, made by another server or for another search, or expired.</summary>
public sealed class CursorException(string message) : Exception(message);
