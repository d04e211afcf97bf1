namespace SearchService.Core.Searching;

/// <summary>
/// When a question's first stage counts its matches on another thread while this one scores them
/// (<see cref="QuestionFirstStage"/>): when its words' summed document frequency is at least <paramref name="From"/>
/// and a core is free for the counting.
/// </summary>
/// <param name="From">Below it (every question of the 1x corpus, whose first stage takes about a millisecond) handing
/// the counting over cost more than it saved; the 10x corpus's questions are above it.</param>
/// <param name="CoreFree">Whether a core is free now. With every core busy the hand-off only adds its cost: over the
/// 10x corpus with questions in the HTTP mix at 8 connections, forking regardless gave 0.91x the requests per second
/// and 1.09x the CPU per request (docs/benchmarks.md).</param>
internal sealed record CountingFork(long From, Func<bool> CoreFree)
{
    /// <summary>The service's: from 50,000, while a core is free.</summary>
    public static CountingFork Default { get; } = new(50_000, AnyCoreFree);

    /// <summary>Whether fewer searches run than there are cores (<see cref="RunningSearches"/>).</summary>
    public static bool AnyCoreFree() => RunningSearches.Count < Environment.ProcessorCount;

    public bool Forks(long documentFrequencies) => documentFrequencies >= From && CoreFree();
}
