namespace SearchService.Core.Analytics;

/// <summary>An <see cref="IAnalyticsStorage"/> could not be read or written; the message names the storage and the cause.</summary>
public sealed class AnalyticsStorageUnavailableException(string message, Exception cause) : Exception(message, cause);
