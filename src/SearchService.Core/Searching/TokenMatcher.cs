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

    /// <summary>The matches, in text order; a token is marked once for each single term or phrase it belongs to.</summary>
    public List<Mark> Match(List<Token> tokens)
    {
        var marks = new List<Mark>();
        foreach (var token in tokens)
        {
            if (token.TermId >= 0 && singleWeights[token.TermId] > 0)
                marks.Add(new Mark(token.Start, token.End, token.TermId, singleWeights[token.TermId]));
        }
        if (phrases.Length > 0)
            MarkPhrases(tokens, marks);
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Key.CompareTo(b.Key));
        return marks;
    }

    private void MarkPhrases(List<Token> tokens, List<Mark> marks)
    {
        var byTerm = TokensByTerm(tokens);
        // A token that many occurrences of a phrase share (its terms repeated, a wide slop) is marked once for it, so
        // that marks grow with the paragraph's tokens, not with its tokens times the phrase's length.
        var markedFor = new int[tokens.Count];
        var found = new List<int>();
        for (var p = 0; p < phrases.Length; p++)
        {
            var phrase = phrases[p];
            var key = singleWeights.Length + p;
            var cursors = new int[phrase.Ids.Length];
            foreach (var first in byTerm[phrase.Ids[0]])
            {
                if (!AllFound(phrase, tokens[first], tokens, byTerm, cursors, found))
                    continue;
                found.Add(first);
                foreach (var index in found)
                {
                    if (markedFor[index] == p + 1)
                        continue;
                    markedFor[index] = p + 1;
                    marks.Add(new Mark(tokens[index].Start, tokens[index].End, key, phrase.Weight));
                }
            }
        }
    }

    /// <summary>The indexes of each query term's tokens, in text order (and so in position order).</summary>
    private List<int>[] TokensByTerm(List<Token> tokens)
    {
        var byTerm = new List<int>[singleWeights.Length];
        for (var id = 0; id < byTerm.Length; id++)
            byTerm[id] = [];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].TermId >= 0)
                byTerm[tokens[i].TermId].Add(i);
        }
        return byTerm;
    }

    /// <summary>
    /// Whether each later term of the phrase has a token within the slop of its place relative to
    /// <paramref name="first"/>: the first such token of the term. Each term's place only moves on as the first term's
    /// tokens are taken in order, so its cursor among the term's own tokens (<paramref name="cursors"/>) only moves on too.
    /// </summary>
    private static bool AllFound(PhraseIds phrase, Token first, List<Token> tokens, List<int>[] byTerm, int[] cursors, List<int> found)
    {
        found.Clear();
        for (var k = 1; k < phrase.Ids.Length; k++)
        {
            // In longs: a slop up to int.MaxValue must not wrap around.
            var target = (long)first.Position + phrase.Offsets[k];
            var ofTerm = byTerm[phrase.Ids[k]];
            ref var i = ref cursors[k];
            while (i < ofTerm.Count && tokens[ofTerm[i]].Position < target - phrase.Slop)
                i++;
            if (i == ofTerm.Count || tokens[ofTerm[i]].Position > target + phrase.Slop)
                return false;
            found.Add(ofTerm[i]);
        }
        return true;
    }
}
