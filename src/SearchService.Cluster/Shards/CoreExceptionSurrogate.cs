namespace SearchService.Cluster.Shards;

/// <summary>One of Core's exceptions a shard's search ends with, as it crosses between silos (<see cref="CoreExceptionConverter"/>).</summary>
/// <param name="Message">The exception's message, which the API's problem answers carry.</param>
/// <param name="Budget">A query timeout's budget; zero for the others.</param>
/// <param name="Cause">The message of a query timeout's cause; its type (Lucene's) has no codec and stays behind.</param>
[GenerateSerializer]
public readonly record struct CoreExceptionSurrogate([property: Id(0)] string Message, [property: Id(1)] TimeSpan Budget, [property: Id(2)] string? Cause);
