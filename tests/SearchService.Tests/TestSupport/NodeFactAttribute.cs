namespace SearchService.Tests.TestSupport;

/// <summary>A fact that runs a Node.js tool: skipped, saying so, only where no <c>node</c> is on the PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Node is null)
            Skip = "Node.js is not installed (no node on PATH); bash .ci/run installs it.";
    }

    /// <summary>The <c>node</c> executable on the PATH, or null.</summary>
    public static string? Node { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node"))
        .FirstOrDefault(File.Exists);
}
