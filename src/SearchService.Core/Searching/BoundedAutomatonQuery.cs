using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The terms of a field that a regular expression or wildcard accepts, from an automaton determinized under a cap
/// (<see cref="BoundedDeterminizer"/>). Lucene's own <c>AutomatonQuery</c> is not used: its <c>CompiledAutomaton</c>
/// determinizes again without a cap (the UTF-8 form, and its reversal for the common suffix of the terms), which took
/// 10 s for a capped automaton of 8,192 states. The terms are matched by running the automaton over them instead.
/// </summary>
public sealed class BoundedAutomatonQuery : MultiTermQuery
{
    private readonly DeterministicAutomaton automaton;
    private readonly BytesRef prefix;
    private readonly string pattern;
    private readonly bool isRegexp;

    private BoundedAutomatonQuery(string field, string pattern, bool isRegexp, DeterministicAutomaton automaton) : base(field)
    {
        this.pattern = pattern;
        this.isRegexp = isRegexp;
        this.automaton = automaton;
        prefix = new BytesRef(automaton.LiteralPrefix());
    }

    /// <summary>States of the automaton the terms are matched with.</summary>
    public int StateCount => automaton.Count;

    /// <summary>A regular expression in Lucene's syntax.</summary>
    /// <exception cref="ArgumentException">The expression is not valid; the message says where.</exception>
    /// <exception cref="QueryRefusedException">The expression is too long or compiles to too many states.</exception>
    public static BoundedAutomatonQuery Regexp(Term term, QueryCostLimits limits) => Regexp(term, new AutomatonBudget(limits));

    /// <summary>A wildcard term: <c>*</c> any string, <c>?</c> any one character.</summary>
    /// <exception cref="QueryRefusedException">The pattern compiles to too many states.</exception>
    public static BoundedAutomatonQuery Wildcard(Term term, QueryCostLimits limits) => Wildcard(term, new AutomatonBudget(limits));

    internal static BoundedAutomatonQuery Regexp(Term term, AutomatonBudget budget)
    {
        var (nfa, fragment) = RegexpPattern.Parse(term.Text, budget);
        return new BoundedAutomatonQuery(term.Field, term.Text, isRegexp: true, Determinize(nfa, fragment, budget));
    }

    internal static BoundedAutomatonQuery Wildcard(Term term, AutomatonBudget budget)
    {
        var (nfa, fragment) = WildcardPattern.Parse(term.Text, budget);
        return new BoundedAutomatonQuery(term.Field, term.Text, isRegexp: false, Determinize(nfa, fragment, budget));
    }

    private static DeterministicAutomaton Determinize(PatternNfa nfa, PatternNfa.Fragment fragment, AutomatonBudget budget)
    {
        var automaton = BoundedDeterminizer.Determinize(nfa, fragment, budget.Limits.MaxDeterminizedStates, budget);
        budget.ChargeStates(automaton.Count);
        return automaton;
    }

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new PatternTermsEnum(terms.GetEnumerator(), automaton, prefix);

    public override string ToString(string field)
    {
        var text = isRegexp ? $"/{pattern}/" : pattern;
        return (Field == field ? text : $"{Field}:{text}") + ToStringUtils.Boost(Boost);
    }

    public override bool Equals(object? obj) =>
        obj is BoundedAutomatonQuery other && base.Equals(other) && isRegexp == other.isRegexp && pattern == other.pattern;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), isRegexp, pattern);
}
