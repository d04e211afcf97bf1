using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>
/// Answers <c>/speakers/{name}</c>: a speaker's identity from the corpus-wide table (<see cref="SpeakerIdentities"/>;
/// any variant finds the canonical one) and their statements from the <see cref="StatementIndex"/>. Under a scoped
/// key's scope the statements, their counts and the topics and regions are those the scope lets through, and a speaker
/// with none of them there is not found, so a scoped key learns nothing of articles outside its filters.
/// </summary>
public sealed class SpeakerProfiles(SearchIndex index, QuoteSearcher quotes)
{
    public const int RecentStatements = 5;
    public const int TopValues = 10;

    /// <summary>The profile of the speaker <paramref name="name"/> names, or null when no article (within <paramref name="scope"/>) names them.</summary>
    public SpeakerProfile? Find(string name, SearchScope? scope = null)
    {
        // Both searches answer on this thread: the profile is complete when GatherAsync returns.
        var gathered = GatherAsync(name, scope, index.SpeakerIdentities.Table,
            request => ValueTask.FromResult(quotes.Search(request)), request => ValueTask.FromResult(quotes.Months(request)));
        return gathered.IsCompletedSuccessfully ? gathered.Result : gathered.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The profile of the speaker <paramref name="name"/> names in <paramref name="table"/> (null: the name as given),
    /// from the statements <paramref name="search"/> finds and counts and <paramref name="months"/> counts by month: of
    /// one index, or gathered over shards.
    /// </summary>
    public static async ValueTask<SpeakerProfile?> GatherAsync(
        string name, SearchScope? scope, SpeakerIdentities? table,
        Func<QuoteRequest, ValueTask<QuoteResult>> search, Func<QuoteRequest, ValueTask<IReadOnlyDictionary<string, int>>> months)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(months);
        var identity = table?.Find(name);
        var canonical = identity?.Name ?? name;
        var request = new QuoteRequest(Speaker: [canonical], PageSize: RecentStatements, FacetSize: TopValues, Scope: scope);
        var found = await search(request);
        if ((identity is null || scope is not null) && found.Total == 0)
            return null;
        var byMonth = (await months(request)).Select(c => new FacetValue(c.Key, c.Value)).ToList();
        var variants = table?.FilterValues(canonical).Where(v => v != canonical).ToList() ?? [];
        return new SpeakerProfile(
            canonical,
            (identity?.Kind ?? SpeakerKind.Unknown).ToString().ToLowerInvariant(),
            variants,
            identity?.Roles ?? [],
            found.Total,
            byMonth,
            found.Facets[IndexSchema.Topic],
            found.Facets[IndexSchema.Region],
            found.Hits);
    }
}
