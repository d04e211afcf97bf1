namespace SearchService.Core.Alerts;

/// <summary>
/// Picks the alerts worth running against a batch of paragraphs, so that thousands of alerts do not cost thousands of
/// queries per batch: each alert is filed under the terms it needs (<see cref="PresearchTerms"/>), the batch's terms
/// look up the alerts filed under them, and those whose filters no paragraph of the batch can pass are left out.
/// Alerts without such terms are candidates for every batch that may pass their filters. Immutable: made anew when alerts change.
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

    /// <summary>The alerts that paragraphs with these index terms (<c>field:term</c>), of articles published on these dates, may match, each once.</summary>
    public IEnumerable<AlertQuery> Candidates(IReadOnlySet<string> paragraphTerms, IReadOnlyCollection<DateTimeOffset?> published)
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
