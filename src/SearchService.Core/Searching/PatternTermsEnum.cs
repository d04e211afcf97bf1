using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The terms a <see cref="DeterministicAutomaton"/> accepts, found by running it over each term from the pattern's
/// literal prefix on (all terms when there is none). Linear in the terms read, and stopped by the
/// <see cref="RewriteDeadline"/>.
/// </summary>
internal sealed class PatternTermsEnum : FilteredTermsEnum
{
    private readonly DeterministicAutomaton automaton;
    private readonly BytesRef prefix;

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
        return automaton.Accepts(term.Bytes.AsSpan(term.Offset, term.Length)) ? AcceptStatus.YES : AcceptStatus.NO;
    }
}
