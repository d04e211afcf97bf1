namespace SearchService.Benchmarks.Performance;

/// <summary>One query of one pass: how long the engine took to answer it, and what it answered.</summary>
public sealed record QueryTiming(QueryClass Class, double Milliseconds, QueryAnswer Answer);
