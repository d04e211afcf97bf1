namespace SearchService.Benchmarks.Performance;

/// <summary>What the commands with options of their own beside <see cref="BenchmarkOptions"/> share: reading them, and a median.</summary>
public static class CommandArguments
{
    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static int Value(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1]) : fallback;
    }

    /// <summary>The arguments without the options named (each with its value), for <see cref="BenchmarkOptions.Parse"/>.</summary>
    public static List<string> Without(IReadOnlyList<string> args, params string[] names)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!names.Contains(args[i]))
                kept.AddRange(args.Skip(i).Take(2));
        }
        return kept;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
