namespace SearchService.Core.Searching;

/// <summary>A query in Lucene syntax that cannot be parsed; the message says where it is wrong.</summary>
public sealed class QuerySyntaxException(string message, Exception? inner = null) : Exception(message, inner);
