namespace SearchService.Core.Searching;

/// <summary>
/// Finds where a query's terms and phrases (<see cref="QueryMatchTerms"/>) occur among a paragraph's tokens: each single
/// term wherever it occurs, a phrase's terms only where all of them stand at their relative positions (within its slop).
/// </summary>
internal sealed class TokenMatcher
{
    /// <param name="TermId">The query term it is, or -1.</param>
    public readonly record struct Token(int TermId, int Start, int End, int Position);

    /// <param name="Key">Which single term or phrase matched here, so that the best fragment counts each once.</param>
    public readonly record struct Mark(int Start, int End, int Key, float Weight);

    private readonly record struct PhraseIds(int[] Ids, int[] Offsets, int Slop, float Weight);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;
    private readonly float[] singleWeights;
    private readonly PhraseIds[] phrases;

    public TokenMatcher(QueryMatchTerms terms)
    {
        var byTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string term) => byTerm.TryGetValue(term, out var id) ? id : byTerm[term] = byTerm.Count;
        foreach (var term in terms.Singles.Keys)
            Id(term);
        phrases = terms.Phrases.Select(p => new PhraseIds(p.Terms.Select(Id).ToArray(), p.Offsets, p.Slop, p.Weight)).ToArray();
        singleWeights = new float[byTerm.Count];
        foreach (var (term, weight) in terms.Singles)
            singleWeights[byTerm[term]] = weight;
        ids = byTerm.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int IdOf(ReadOnlySpan<char> term) => ids.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The matches, in text order.</summary>
    public List<Mark> Match(List<Token> tokens)
    {
        var marks = new List<Mark>();
        foreach (var token in tokens)
        {
            if (token.TermId >= 0 && singleWeights[token.TermId] > 0)
                marks.Add(new Mark(token.Start, token.End, token.TermId, singleWeights[token.TermId]));
        }
        var found = new List<Token>();
        for (var p = 0; p < phrases.Length; p++)
        {
            var phrase = phrases[p];
            foreach (var first in tokens)
            {
                if (first.TermId != phrase.Ids[0] || !AllFound(phrase, first, tokens, found))
                    continue;
                marks.Add(new Mark(first.Start, first.End, singleWeights.Length + p, phrase.Weight));
                foreach (var other in found)
                    marks.Add(new Mark(other.Start, other.End, singleWeights.Length + p, phrase.Weight));
            }
        }
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Key.CompareTo(b.Key));
        return marks;
    }

    private static bool AllFound(PhraseIds phrase, Token first, List<Token> tokens, List<Token> found)
    {
        found.Clear();
        for (var k = 1; k < phrase.Ids.Length; k++)
        {
            var target = first.Position + phrase.Offsets[k];
            var match = -1;
            // Positions never fall along the tokens: the first within the slop is looked for from the first token
            // at or after its lowest position, not from the paragraph's start.
            for (var i = Ascending.FirstAtLeast(tokens, target - phrase.Slop, t => t.Position); i < tokens.Count && tokens[i].Position <= target + phrase.Slop; i++)
            {
                if (tokens[i].TermId == phrase.Ids[k])
                {
                    match = i;
                    break;
                }
            }
            if (match < 0)
                return false;
            found.Add(tokens[match]);
        }
        return true;
    }
}
