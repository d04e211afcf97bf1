using Microsoft.Extensions.Logging;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// The stored alerts, compiled, as the one presearcher the percolator matches with: made again whenever the store
/// changes, while the percolator follows it.
/// </summary>
internal sealed class CompiledAlerts(AlertStore store, AlertQueryCompiler compiler, ILogger logger) : IDisposable
{
    private readonly Dictionary<string, AlertQuery?> compiledById = new(StringComparer.Ordinal);
    private volatile AlertPresearcher current = AlertPresearcher.Empty;

    /// <summary>The presearcher of the alerts stored now.</summary>
    public AlertPresearcher Current => current;

    /// <summary>Compiles the alerts stored now, and again each time they change.</summary>
    public void Follow()
    {
        Compile();
        store.Changed += Compile;
    }

    /// <summary>
    /// Makes the presearcher of the alerts now stored, compiling only those not compiled before (an alert never changes
    /// once saved): it runs in the request that adds or deletes one, and compiling 10,000 took seconds.
    /// </summary>
    private void Compile()
    {
        lock (compiledById)
        {
            var stored = store.All();
            var storedIds = new HashSet<string>(stored.Select(a => a.Id), StringComparer.Ordinal);
            foreach (var gone in compiledById.Keys.Where(id => !storedIds.Contains(id)).ToList())
                compiledById.Remove(gone);
            foreach (var alert in stored.Where(a => !compiledById.ContainsKey(a.Id)))
            {
                try
                {
                    compiledById[alert.Id] = compiler.Compile(alert);
                }
                catch (Exception e) when (e is QuerySyntaxException or QueryRefusedException)
                {
                    // Checked when saved; only a setting changed since (Search:AllowExpensiveQueries) refuses it now.
                    logger.LogWarning("Alert {AlertId} is not matched: {Message}", alert.Id, e.Message);
                    compiledById[alert.Id] = null;
                }
            }
            current = new AlertPresearcher(stored.Select(a => compiledById[a.Id]).OfType<AlertQuery>().ToList());
        }
    }

    public void Dispose() => store.Changed -= Compile;
}
