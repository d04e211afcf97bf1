using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// A <see cref="FuzzyQuery"/> whose Levenshtein automaton was checked against the caps before it is ever built (Lucene
/// builds it in every rewrite), and whose term enumeration stops at the <see cref="RewriteDeadline"/>.
/// </summary>
public sealed class BudgetedFuzzyQuery : FuzzyQuery
{
    private BudgetedFuzzyQuery(Term term, int maxEdits, int prefixLength, int states) : base(term, maxEdits, prefixLength) =>
        StateCount = states;

    /// <summary>At most this many states of the Levenshtein automaton for the most edits.</summary>
    public int StateCount { get; }

    /// <exception cref="QueryRefusedException">The term's automaton could have more states than allowed.</exception>
    public static BudgetedFuzzyQuery Create(Term term, int maxEdits, int prefixLength, QueryCostLimits limits) =>
        Create(term, maxEdits, prefixLength, new AutomatonBudget(limits));

    internal static BudgetedFuzzyQuery Create(Term term, int maxEdits, int prefixLength, AutomatonBudget budget)
    {
        var runes = term.Text.EnumerateRunes().Skip(prefixLength).ToList();
        // Lucene's Levenshtein automaton is its parametric description unrolled over the term: at most this many
        // states per position (Lev1T and Lev2T, with transpositions as FuzzyQuery has them), and a move per state for
        // each distinct character of the term and one for any other.
        var perPosition = maxEdits switch { 0 => 1, 1 => 6, _ => 45 };
        var states = perPosition * (runes.Count + 1);
        var maxStates = budget.Limits.MaxDeterminizedStates;
        if (states > maxStates)
            throw new QueryRefusedException(
                $"The fuzzy term is too long: with {maxEdits} edits its automaton may have {states:N0} states; at most {maxStates:N0} are allowed.");
        budget.ChargeSteps((long)states * (runes.Distinct().Count() + 1));
        budget.ChargeStates(states);
        return new BudgetedFuzzyQuery(term, maxEdits, prefixLength, states);
    }

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new DeadlineTermsEnum(base.GetTermsEnum(terms, atts));
}
