namespace SearchService.Benchmarks.Performance;

/// <summary>Command-line options shared by the benchmark commands: --name value pairs.</summary>
/// <param name="Questions">How many questions `query` measures apart from the four classes (0: none; null: <see cref="DefaultQuestions"/>), and `http` adds to its mix of queries (null: none).</param>
/// <param name="Engines">Which engines `query` runs, by short name (searchservice, lucene, java, sqlite, ...); searchservice, lucene and sqlite by default.</param>
/// <param name="Slowest">How many of each engine's slowest queries `query` lists (median over the measured passes; 0: none).</param>
/// <param name="PublisherFields">Every article gets a publisher's fields (<see cref="BenchmarkCorpus.WithPublisherFields"/>).</param>
/// <param name="Statements">SearchService's corpus pass extracts and indexes attributed statements (false: none, to measure their cost).</param>
/// <param name="SpeakerIdentities">SearchService's corpus pass resolves speakers to corpus-wide identities, as the service does by default.</param>
/// <param name="IndexThreads">How many threads SearchService's corpus pass processes articles on (null: one per core).</param>
/// <param name="AnswersFile">SearchService's engine writes every answer it gives there, one JSON line each, without its time: two builds answer alike if their files are equal.</param>
/// <param name="Connections">The levels of concurrent connections `http` loads the service with (null: 1, 8 and 32).</param>
/// <param name="Api">The published services `http` measures over one index, in turns, <paramref name="Rounds"/> times (null: this repository's, once); given, the start-up comparison with the build output is skipped.</param>
/// <param name="Rounds">How many times `http` measures each of <paramref name="Api"/>.</param>
/// <param name="BuildWarmup">How many of the first articles `query` has each engine build a throwaway index of before its timed build (0: none, the timed build cold).</param>
/// <param name="RunEngine">`query` runs only this engine (by short name) and writes what it measured to <paramref name="RunFile"/>: how the benchmark runs each engine in a process of its own (<see cref="EngineProcess"/>).</param>
/// <param name="RunFile">Where <paramref name="RunEngine"/>'s measurements go, as JSON.</param>
/// <param name="Arguments">The arguments these options were parsed from.</param>
public sealed record BenchmarkOptions(
    string CorpusFile, int Scale, int? LimitArticles, int QueriesPerClass, int WarmupPasses, int MeasuredPasses, int Seed, int? Questions,
    IReadOnlySet<string> Engines, int Slowest = 0, bool PublisherFields = false, bool Statements = true, bool SpeakerIdentities = false,
    int? IndexThreads = null, string? AnswersFile = null, IReadOnlyList<int>? Connections = null, IReadOnlyList<string>? Api = null, int Rounds = 1,
    int BuildWarmup = BenchmarkOptions.DefaultBuildWarmup, string? RunEngine = null, string? RunFile = null,
    IReadOnlyList<string>? Arguments = null)
{
    /// <summary>How many questions `query` (and `cluster`) measure unless told.</summary>
    public const int DefaultQuestions = 25;

    /// <summary>The articles of each engine's warm-up build unless told: an eighth of the 1x corpus.</summary>
    public const int DefaultBuildWarmup = 2000;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected --option value, got '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
        return new BenchmarkOptions(
            values.GetValueOrDefault("corpus") ?? SharedFolder.Reuters,
            Int("scale", 1),
            values.ContainsKey("limit") ? Int("limit", 0) : null,
            Int("queries-per-class", 75),
            Int("warmup", 20),
            Int("passes", 3),
            Int("seed", 1987),
            values.ContainsKey("questions") ? Int("questions", 0) : null,
            (values.GetValueOrDefault("engines") ?? "searchservice,lucene,sqlite").Split(',', StringSplitOptions.TrimEntries).ToHashSet(),
            Int("slowest", 0),
            values.TryGetValue("publisher-fields", out var fields) && bool.Parse(fields),
            !values.TryGetValue("statements", out var statements) || bool.Parse(statements),
            values.TryGetValue("speaker-identities", out var identities) && bool.Parse(identities),
            values.ContainsKey("index-threads") ? Int("index-threads", 0) : null,
            values.GetValueOrDefault("answers"),
            values.TryGetValue("connections", out var connections) ? connections.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse).ToList() : null,
            values.GetValueOrDefault("api")?.Split(',', StringSplitOptions.TrimEntries),
            Int("rounds", 1),
            Int("build-warmup", DefaultBuildWarmup),
            values.GetValueOrDefault("run-engine"),
            values.GetValueOrDefault("run-file"),
            args.ToList());
    }
}
