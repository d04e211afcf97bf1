namespace SearchService.Benchmarks.Performance;

/// <summary>The four query classes every engine answers.</summary>
public enum QueryClass { Term, TwoTermAnd, Phrase, TermRegion }

/// <summary>One benchmark query: words (two for AND and phrase), and a region filter for <see cref="QueryClass.TermRegion"/>.</summary>
public sealed record BenchQuery(QueryClass Class, string First, string? Second, string? Region);
