using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Indexing;

/// <summary>
/// Turns words into the pairs of adjacent words ("foreign ministry") whose two words the search box may offer
/// (<see cref="SuggestionWords"/>); the words themselves are not passed on. Pairs are of words adjacent in the text:
/// "minister of defence" gives no pair, not "minister defence". Lucene's ShingleFilter makes pairs at several times
/// the cost; the field is indexed without positions or offsets, so none are kept.
/// </summary>
public sealed class AdjacentPairFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private char[] previous = new char[32];
    private int previousLength;
    private bool previousPairable;
    private char[] current = new char[32];

    public AdjacentPairFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var length = term.Length;
            if (current.Length < length)
                current = new char[length * 2];
            Array.Copy(term.Buffer, current, length);
            var pairable = SuggestionWords.IsOfferable(current, 0, length, SuggestionWords.PairWordMinLength);
            var paired = pairable && previousPairable;
            if (paired)
            {
                var pair = term.ResizeBuffer(previousLength + 1 + length);
                Array.Copy(previous, pair, previousLength);
                pair[previousLength] = ' ';
                Array.Copy(current, 0, pair, previousLength + 1, length);
                term.Length = previousLength + 1 + length;
            }
            (previous, current) = (current, previous);
            previousLength = length;
            previousPairable = pairable;
            if (paired)
                return true;
        }
        return false;
    }

    public override void Reset()
    {
        base.Reset();
        previousLength = 0;
        previousPairable = false;
    }
}
