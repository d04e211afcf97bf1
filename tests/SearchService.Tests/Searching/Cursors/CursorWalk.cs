using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching.Cursors;

/// <summary>A small index of cocoa stories, one a day, and the cursor paging over it, with a clock the tests move.</summary>
public sealed class CursorWalk : IDisposable
{
    private readonly TestIndex index = new();

    public CursorWalk(int stories = 12, int maxOpen = PointsInTime.DefaultMaxOpen)
    {
        for (var day = 1; day <= stories; day++)
            index.Add(Story($"cocoa-{day:D2}", day, day % 3 == 0 ? "Cocoa exporters said cocoa prices rose." : "Cocoa traders met in Bahia."));
        Points = new PointsInTime(index.Index, Clock, PointsInTime.DefaultKeepAlive, maxOpen);
        Paging = new CursorPaging(new ParagraphSearcher(index.Index), Points, Codec);
    }

    public ManualClock Clock { get; } = new();

    public CursorCodec Codec { get; } = new();

    public PointsInTime Points { get; }

    public CursorPaging Paging { get; }

    public TestIndex Index => index;

    /// <summary>A story of two paragraphs on day <paramref name="day"/> of March 1987, both about cocoa.</summary>
    public static Article Story(string id, int day, string lead) => new(
        id, $"Cocoa report {id}", [lead, $"The {id} desk said the cocoa harvest looked good."], new DateTimeOffset(1987, 3, day, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Every page of <paramref name="request"/>, following each answer's next; <paramref name="betweenPages"/> runs before
    /// each page after the first, with the number of pages read so far.
    /// </summary>
    public (List<SearchHit> Hits, int Pages) Walk(SearchRequest request, Action<int>? betweenPages = null)
    {
        var result = Paging.Search(request);
        var (hits, pages) = (result.Hits.ToList(), 1);
        while (result.Next is { } next)
        {
            betweenPages?.Invoke(pages);
            result = Paging.Search(request with { After = next });
            hits.AddRange(result.Hits);
            pages++;
        }
        return (hits, pages);
    }

    public void Dispose()
    {
        Points.Dispose();
        index.Dispose();
    }
}
