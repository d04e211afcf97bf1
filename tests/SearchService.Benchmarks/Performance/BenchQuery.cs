namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The four query classes of issue 6 every engine answers, and questions (a sentence of plain words, any of which may
/// match), measured apart from the four so their figures stay comparable with the anchors.
/// </summary>
public enum QueryClass { Term, TwoTermAnd, Phrase, TermRegion, Question }

/// <summary>
/// One benchmark query: words (two for AND and phrase), and a region filter for <see cref="QueryClass.TermRegion"/>;
/// a question is its whole text in <paramref name="First"/>.
/// </summary>
public sealed record BenchQuery(QueryClass Class, string First, string? Second, string? Region)
{
    /// <summary>The query as a GET /search path and query string.</summary>
    public string SearchUrl()
    {
        var q = Class switch
        {
            QueryClass.Phrase => $"\"{First} {Second}\"",
            QueryClass.TwoTermAnd => $"{First} {Second}",
            _ => First,
        };
        return $"/search?q={Uri.EscapeDataString(q)}" + (Region is null ? "" : $"&region={Uri.EscapeDataString(Region)}");
    }
}
