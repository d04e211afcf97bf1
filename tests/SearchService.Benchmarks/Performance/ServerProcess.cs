using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The service as a child process on a loopback port the system picks, logging warnings only; the address comes from
/// Kestrel's start-up line. Its errors go to this program's standard error; with a log file, every line it writes
/// (standard output, where its warnings go, and standard error) goes there too, with the time it was read.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    // Written from both output readers' threads: synchronized.
    private readonly TextWriter? log;

    /// <param name="logFile">Where the process's output lines are kept; null: only its errors, on this program's standard error.</param>
    public ServerProcess(string assembly, IEnumerable<string> arguments, string? logFile = null)
    {
        log = logFile is null ? null : TextWriter.Synchronized(new StreamWriter(logFile) { AutoFlush = true });
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in new[] { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
            {
                ListeningAfter = sinceStart.Elapsed;
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data is not null)
                Console.Error.WriteLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Task<Uri> Address => listening.Task.WaitAsync(TimeSpan.FromMinutes(10));

    /// <summary>From starting the process to Kestrel's "Now listening" line: the host built and the index opened.</summary>
    public TimeSpan ListeningAfter { get; private set; }

    /// <summary>The CPU time the service has used so far, all its threads, user and system.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The memory the service holds in RAM now (VmRSS).</summary>
    public long WorkingSetBytes => ResidentMemory.Current(process);

    /// <summary>The most memory the service has held in RAM since it started (VmHWM).</summary>
    public long PeakWorkingSetBytes => ResidentMemory.Peak(process);

    private void Keep(string? line)
    {
        if (line is not null)
            log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        log?.Dispose();
    }
}
