using Fragment = SearchService.Core.Searching.PatternNfa.Fragment;

namespace SearchService.Core.Searching;

/// <summary>
/// A wildcard term as Lucene's <c>WildcardQuery</c> reads it (<c>*</c> any string, <c>?</c> any one character,
/// <c>\</c> escapes), read into a <see cref="PatternNfa"/> so that it is determinized under a cap.
/// </summary>
internal static class WildcardPattern
{
    public static (PatternNfa Nfa, Fragment Fragment) Parse(string pattern, AutomatonBudget budget)
    {
        var nfa = new PatternNfa(budget.Limits.MaxPatternStates);
        var result = nfa.EmptyString();
        for (var i = 0; i < pattern.Length; i += char.IsSurrogatePair(pattern, i) ? 2 : 1)
        {
            var c = char.IsSurrogatePair(pattern, i) ? char.ConvertToUtf32(pattern, i) : pattern[i];
            var next = c switch
            {
                '*' => nfa.ZeroOrMore(nfa.AnyCodePoint()),
                '?' => nfa.AnyCodePoint(),
                '\\' when i + 1 < pattern.Length => nfa.CodePoint(Escaped(pattern, ref i)),
                _ => nfa.CodePoint(c),
            };
            result = nfa.Concatenation(result, next);
        }
        return (nfa, result);
    }

    private static int Escaped(string pattern, ref int i)
    {
        i++;
        return char.IsSurrogatePair(pattern, i) ? char.ConvertToUtf32(pattern, i) : pattern[i];
    }
}
