namespace SearchService.Core.Searching;

/// <summary>A query refused before it runs because of what running it would cost; the message says why.</summary>
public sealed class QueryRefusedException(string message) : Exception(message);
