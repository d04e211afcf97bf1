namespace SearchService.Core.Alerts;

/// <summary>
/// Picks the alerts worth running against one paragraph, so that thousands of alerts do not cost thousands of queries
/// per paragraph: each alert is filed under the terms it needs (<see cref="PresearchTerms"/>), the paragraph's terms
/// look up the alerts filed under them, and those whose filters the paragraph fails are left out. Alerts without such
/// terms are candidates for every paragraph that passes their filters. Immutable: made anew when alerts change.
/// </summary>
public sealed class AlertPresearcher
{
    private readonly Dictionary<string, List<AlertQuery>> byTerm = new(StringComparer.Ordinal);
    private readonly List<AlertQuery> everywhere = [];

    public AlertPresearcher(IEnumerable<AlertQuery> alerts)
    {
        foreach (var alert in alerts)
        {
            Count++;
            if (alert.Terms is null)
            {
                everywhere.Add(alert);
                continue;
            }
            foreach (var term in alert.Terms)
            {
                if (!byTerm.TryGetValue(term, out var filed))
                    byTerm[term] = filed = [];
                filed.Add(alert);
            }
        }
    }

    public static AlertPresearcher Empty { get; } = new([]);

    /// <summary>How many alerts there are.</summary>
    public int Count { get; }

    /// <summary>The alerts a paragraph with these index terms (<c>field:term</c>) may match, each once.</summary>
    public IEnumerable<AlertQuery> Candidates(IReadOnlySet<string> paragraphTerms, DateTimeOffset? published)
    {
        var seen = new HashSet<AlertQuery>(ReferenceEqualityComparer.Instance);
        foreach (var alert in everywhere)
        {
            if (alert.PassesFilters(paragraphTerms, published))
                yield return alert;
        }
        foreach (var term in paragraphTerms)
        {
            if (!byTerm.TryGetValue(term, out var filed))
                continue;
            foreach (var alert in filed)
            {
                if (seen.Add(alert) && alert.PassesFilters(paragraphTerms, published))
                    yield return alert;
            }
        }
    }
}
