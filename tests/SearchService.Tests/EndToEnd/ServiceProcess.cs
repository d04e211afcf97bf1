using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Tests.EndToEnd;

/// <summary>
/// The real service as its own process (the API's build output, run with <c>dotnet</c>) on a free loopback port,
/// as a user starts it. Killed when disposed.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    /// <summary>Generous: a loaded CI machine may take long to start a .NET process.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ApiAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The service exited:\n{Output}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static ServiceProcess Start(params string[] arguments) => new(arguments);

    /// <summary>A client of this service that sends <paramref name="key"/> as a bearer token.</summary>
    public async Task<HttpClient> ClientWithKey(string key, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = await Address, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Resident memory of the process now (VmRSS, Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
    }

    /// <summary>The address Kestrel reports once it listens.</summary>
    public Task<Uri> Address => listening.Task.WaitAsync(StartTimeout);

    /// <summary>Waits for the process to end on its own; its exit code.</summary>
    public async Task<int> ExitCode()
    {
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        // The parameterless wait also waits until the asynchronous output readers have seen the end of both streams.
        process.WaitForExit();
        return process.ExitCode;
    }

    private void Collect(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
        if (ListeningOn().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    /// <summary>The API's own build output, of the same configuration as the tests.</summary>
    public static string ApiAssembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = testBin.Parent!.Name;
            var repository = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var path = Path.Combine(repository, "src", "SearchService.Api", "bin", configuration, testBin.Name, "SearchService.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The API is not built", path);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    /// <summary>Kills the process at once (SIGKILL on Linux), as a power cut or the OOM killer would.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }
}
