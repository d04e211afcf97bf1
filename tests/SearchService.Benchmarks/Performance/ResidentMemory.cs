using System.Diagnostics;

namespace SearchService.Benchmarks.Performance;

/// <summary>A process's resident memory from Linux's <c>/proc</c> (the working set elsewhere).</summary>
public static class ResidentMemory
{
    /// <summary>Resident bytes now (VmRSS).</summary>
    public static long Current(Process process) => Read(process, "VmRSS:") ?? process.WorkingSet64;

    /// <summary>The most resident bytes since the process started or since <see cref="ResetPeak"/> (VmHWM).</summary>
    public static long Peak(Process process) => Read(process, "VmHWM:") ?? process.PeakWorkingSet64;

    /// <summary>Starts this process's peak over from its current resident memory; false where the system cannot.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5"); // Linux ≥ 4.0: "5" resets the peak resident set size
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? Read(Process process, string key)
    {
        var path = $"/proc/{process.Id}/status";
        if (!File.Exists(path) || File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is not { } line)
            return null;
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024; // in kB
    }
}
