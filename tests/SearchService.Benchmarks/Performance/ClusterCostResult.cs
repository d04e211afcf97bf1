namespace SearchService.Benchmarks.Performance;

/// <summary>What the <c>cluster</c> command measured (<see cref="ClusterCostBenchmark"/>).</summary>
/// <param name="Server">Each run's server times (tookMs), ms: single p50, p99; cluster p50, p99; overhead p50, p99.</param>
/// <param name="Client">Each run's client latencies, ms, in the same order.</param>
/// <param name="Answers">Queries answered by both sides, over every run.</param>
/// <param name="SameAnswers">Of those, answered with the same total and the same hit ids in the same order.</param>
public sealed record ClusterCostResult(IReadOnlyList<double[]> Server, IReadOnlyList<double[]> Client, int Answers, int SameAnswers);
