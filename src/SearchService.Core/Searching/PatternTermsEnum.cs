using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The terms a <see cref="DeterministicAutomaton"/> accepts, found by running it over the terms from the pattern's
/// literal prefix on (all terms when there is none). Where the automaton has no move for a character, the terms
/// starting the same way up to that character are skipped with one seek. Stopped by the <see cref="RewriteDeadline"/>.
/// </summary>
internal sealed class PatternTermsEnum : FilteredTermsEnum
{
    private readonly DeterministicAutomaton automaton;
    private readonly BytesRef prefix;
    private BytesRef? skipTo;

    public PatternTermsEnum(TermsEnum terms, DeterministicAutomaton automaton, BytesRef prefix) : base(terms)
    {
        this.automaton = automaton;
        this.prefix = prefix;
        SetInitialSeekTerm(prefix);
    }

    protected override AcceptStatus Accept(BytesRef term)
    {
        RewriteDeadline.Tick();
        if (!StringHelper.StartsWith(term, prefix))
            return AcceptStatus.END;
        if (automaton.Match(term.Bytes.AsSpan(term.Offset, term.Length), out var deadPrefix))
            return AcceptStatus.YES;
        if (deadPrefix == 0)
            return AcceptStatus.NO;
        skipTo = PastEveryTermStarting(term, deadPrefix);
        return AcceptStatus.NO_AND_SEEK;
    }

    protected override BytesRef? NextSeekTerm(BytesRef currentTerm)
    {
        var initial = base.NextSeekTerm(currentTerm);
        if (initial is not null)
            return initial;
        var next = skipTo;
        skipTo = null;
        return next;
    }

    /// <summary>
    /// The least byte string after every term that starts with the first <paramref name="length"/> bytes of
    /// <paramref name="term"/>: those bytes with the last one raised by one (UTF-8 never has a byte 0xFF to carry from).
    /// </summary>
    private static BytesRef PastEveryTermStarting(BytesRef term, int length)
    {
        var bytes = new byte[length];
        Array.Copy(term.Bytes, term.Offset, bytes, 0, length);
        bytes[^1]++;
        return new BytesRef(bytes);
    }
}
