namespace SearchService.Benchmarks.Performance;

/// <summary>What one engine's build and query passes measured, in this process or in a process of its own.</summary>
/// <param name="BuildCpu">The process CPU time of the timed build (all its threads: the JIT's, merges and collections included).</param>
/// <param name="PeakResidentBytes">The peak resident memory of the process while this engine built and answered.</param>
/// <param name="PeakRiseBytes">That peak above the resident memory before the build; null where the peak cannot be started over.</param>
/// <param name="CpuPerQuery">Process CPU milliseconds over the measured passes of the four classes, per query.</param>
/// <param name="QuestionCpuPerQuery">The same over the measured passes of the questions, per question.</param>
/// <param name="AllocatedPerQuery">Bytes allocated over the measured passes of the four classes, per query.</param>
/// <param name="FirstPass">The first warm-up pass over the four classes.</param>
/// <param name="Passes">The measured passes over the four classes.</param>
/// <param name="QuestionPasses">The measured passes over the questions.</param>
public sealed record EngineRun(
    string Name, TimeSpan Build, TimeSpan BuildCpu, long IndexBytes, long PeakResidentBytes, long? PeakRiseBytes,
    double CpuPerQuery, double QuestionCpuPerQuery, double AllocatedPerQuery,
    IReadOnlyList<QueryTiming> FirstPass, IReadOnlyList<IReadOnlyList<QueryTiming>> Passes, IReadOnlyList<IReadOnlyList<QueryTiming>> QuestionPasses);
