using System.Diagnostics;
using System.Globalization;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// The processor time the calling thread spends in a piece of work. On a machine shared with other builds, wall time
/// measures the neighbours as much as the work; Linux reports each thread's own time in /proc/thread-self/schedstat
/// (nanoseconds on a processor). Elsewhere, wall time.
/// </summary>
public static class ThreadCpuTime
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static TimeSpan Of(Action work)
    {
        if (!File.Exists(SchedStat))
        {
            var clock = Stopwatch.StartNew();
            work();
            return clock.Elapsed;
        }
        var before = Nanoseconds();
        work();
        return TimeSpan.FromTicks((Nanoseconds() - before) / 100);
    }

    private static long Nanoseconds() => long.Parse(File.ReadAllText(SchedStat).Split(' ')[0], CultureInfo.InvariantCulture);
}
