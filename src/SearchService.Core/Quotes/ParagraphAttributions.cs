using SearchService.Core.Facets;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>
/// A paragraph's attributions, found by where their verbs are: the rules that look for the other attributions inside a
/// statement look only at those within its span, so that a paragraph of many attributions costs each one the few near
/// it rather than all of them.
/// </summary>
internal sealed class ParagraphAttributions
{
    private readonly IReadOnlyList<Attribution> attributions;

    // The attributions' indexes, ordered by where their verbs start.
    private readonly int[] byVerb;

    public ParagraphAttributions(IReadOnlyList<Attribution> attributions)
    {
        this.attributions = attributions;
        byVerb = Enumerable.Range(0, attributions.Count).OrderBy(i => attributions[i].VerbStart).ToArray();
    }

    public Attribution this[int index] => attributions[index];

    /// <summary>The indexes of the attributions whose verbs start after token <paramref name="after"/> and at or before
    /// token <paramref name="upTo"/>, in the order the attributions were found.</summary>
    public List<int> Within(int after, int upTo)
    {
        var within = new List<int>();
        for (var k = Ascending.FirstAtLeast(byVerb, after + 1, i => attributions[i].VerbStart); k < byVerb.Length && attributions[byVerb[k]].VerbStart <= upTo; k++)
            within.Add(byVerb[k]);
        within.Sort();
        return within;
    }
}
