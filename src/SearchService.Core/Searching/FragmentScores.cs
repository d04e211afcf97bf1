namespace SearchService.Core.Searching;

/// <summary>
/// The weight of the different matches inside a fragment of a paragraph, for <see cref="SnippetHighlighter"/> to pick
/// its best: each match that lies wholly inside counts, a term or phrase found twice once. Only the matches inside are
/// read (found by their start, the matches being in text order), each once, so that trying a fragment at every match
/// of a paragraph of a hundred thousand matches costs each fragment its own few, not the whole paragraph's.
/// </summary>
internal sealed class FragmentScores(List<TokenMatcher.Mark> marks)
{
    // Which fragment last saw each key.
    private readonly int[] seenIn = new int[marks.Count == 0 ? 0 : marks.Max(m => m.Key) + 1];
    private int fragment;

    /// <summary>The fragment's weight, added up in text order.</summary>
    public float Score(int start, int end)
    {
        fragment++;
        var score = 0f;
        for (var i = Ascending.FirstAtLeast(marks, start, m => m.Start); i < marks.Count && marks[i].Start < end; i++)
        {
            var mark = marks[i];
            // A key is spent by its first match from the fragment's start, even one that runs past its end.
            var spent = seenIn[mark.Key] == fragment;
            seenIn[mark.Key] = fragment;
            if (!spent && mark.End <= end)
                score += mark.Weight;
        }
        return score;
    }
}
