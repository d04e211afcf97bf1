using System.Diagnostics;
using System.Text;

namespace SearchService.Tests.TestSupport;

/// <summary>A command-line tool run to its end: its exit code and everything it printed (standard output, then standard error).</summary>
public sealed record ToolRun(int ExitCode, string Output)
{
    public static async Task<ToolRun> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }
        var printed = new StringBuilder(await output).Append(await errors).ToString();
        return new ToolRun(process.ExitCode, printed);
    }
}
