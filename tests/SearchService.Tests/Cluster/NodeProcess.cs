using System.Diagnostics;
using SearchService.Core.Searching;
using SearchService.Tests.EndToEnd;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// One node of a cluster as its own process (<see cref="ServiceProcess"/>: the API's build output run with dotnet), on
/// loopback ports of its own that it keeps when started again, as a node restarted on its machine does.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    public const string AdminKey = "cluster-test-admin-key-0123456789abcdef";

    private readonly string[] arguments;
    private ServiceProcess process;

    /// <param name="settings">More settings, after the node's own (<c>--Search:Cluster:Shards=2</c>).</param>
    public NodeProcess(string postgres, string clusterId, string shardsPath, string corpusPath, params string[] settings)
    {
        SiloPort = LoopbackPort.Free();
        arguments =
        [
            "--Search:Cluster:Enabled=true", $"--Search:Cluster:Postgres={postgres}", $"--Search:Cluster:ClusterId={clusterId}",
            $"--Search:Cluster:SiloPort={SiloPort}", $"--Search:Cluster:GatewayPort={LoopbackPort.Free()}",
            $"--Search:Cluster:ShardsPath={shardsPath}", $"--Search:CorpusPath={corpusPath}", $"--Search:AdminApiKey={AdminKey}",
            "--Search:SemanticRerankDepth=0", "--Search:SearchRequestsPerSecond=0", .. settings,
        ];
        process = ServiceProcess.Start(arguments);
    }

    /// <summary>A corpus folder <c>corpus</c> in <paramref name="folders"/> holding the seed article alone; returns its path.</summary>
    public static string SeedCorpus(TempDirectory folders)
    {
        var corpus = Directory.CreateDirectory(folders.Combine("corpus")).FullName;
        File.Copy(SharedFiles.SeedArticle, Path.Combine(corpus, SharedFiles.SeedFileName));
        return corpus;
    }

    /// <summary>The port its silo talks to the others on, in its membership row's address.</summary>
    public int SiloPort { get; }

    public string Output => process.Output;

    /// <summary>A client of the node as it runs now, with the admin key.</summary>
    public Task<HttpClient> ClientAsync() => ClientAsync(AdminKey);

    /// <summary>A client of the node as it runs now, presenting <paramref name="key"/>.</summary>
    public Task<HttpClient> ClientAsync(string key) => process.ClientWithKey(key, TimeSpan.FromSeconds(30));

    /// <summary>The process's exit code, once it has exited.</summary>
    public Task<int> ExitCode() => process.ExitCode();

    /// <summary>SIGKILL, as a power cut or the OOM killer would.</summary>
    public void Kill() => process.Kill();

    /// <summary>Starts the node again, on the same silo port, after <see cref="Kill"/>.</summary>
    public void Restart()
    {
        process.Dispose();
        process = ServiceProcess.Start(arguments);
    }

    /// <summary>
    /// The answer of <paramref name="client"/> (this node's) to <paramref name="url"/> once it is as <paramref name="done"/>
    /// awaits, within 60 s; the node's log says why otherwise.
    /// </summary>
    public async Task<SearchResult> WaitForSearchAsync(HttpClient client, string url, Func<SearchResult, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var answer = await ProcessCluster.SearchAsync(client, url);
                if (done(answer))
                    return answer;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                // Shards still activating answer 503 until every one has a copy.
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{url} did not answer as awaited within 60 s; the node's log:\n{Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => process.Dispose();
}
