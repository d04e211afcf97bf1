namespace SearchService.Core.Searching;

/// <summary>
/// Matching paragraphs grouped by article: each article's best paragraph (highest score, then earliest paragraph) and
/// how many of its other paragraphs match, ordered like paragraph hits.
/// </summary>
internal sealed class ArticleGroups
{
    private ArticleGroups(IReadOnlyList<ArticleGroup> groups) => Groups = groups;

    public IReadOnlyList<ArticleGroup> Groups { get; }

    public static ArticleGroups Of(IEnumerable<ParagraphMatch> matches, ResultOrder order, bool ranked)
    {
        var groups = matches
            .GroupBy(m => m.ArticleId, StringComparer.Ordinal)
            .Select(g =>
            {
                var best = g.OrderByDescending(m => m.Score).ThenBy(m => m.Paragraph).First();
                return new ArticleGroup(best, g.Count() - 1);
            });
        var sorted = ranked && order == ResultOrder.Relevance
            ? groups.OrderByDescending(g => g.Best.Score)
            : groups.OrderByDescending(g => g.Best.DateTicks);
        return new ArticleGroups(sorted
            .ThenBy(g => g.Best.ArticleId, StringComparer.Ordinal)
            .ThenBy(g => g.Best.Paragraph)
            .ToList());
    }
}

/// <param name="OtherMatches">Matching paragraphs of the article besides <paramref name="Best"/>.</param>
internal sealed record ArticleGroup(ParagraphMatch Best, int OtherMatches);
