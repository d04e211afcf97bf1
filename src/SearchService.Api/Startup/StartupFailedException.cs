namespace SearchService.Api.Startup;

/// <summary>The service cannot start (a locked index folder, unreadable facet data); the reason is logged already.</summary>
public sealed class StartupFailedException(Exception cause) : Exception($"Cannot start: {cause.Message}", cause);
