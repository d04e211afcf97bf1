namespace SearchService.Core.Searching;

/// <summary>
/// What one query in Lucene syntax may cost before it runs. The automaton limits follow Elasticsearch
/// (<c>max_determinized_states</c> 10,000 and <c>index.max_regex_length</c> 1,000): a regular expression or wildcard is
/// compiled to a deterministic automaton, which can have exponentially many states, so its construction is capped
/// rather than its length guessed at.
/// </summary>
/// <param name="AllowExpensiveQueries">False refuses regular expressions, wildcards, fuzzy terms, prefixes and ranges.</param>
/// <param name="MaxDeterminizedStates">States one regular expression, wildcard or fuzzy term may compile to.</param>
/// <param name="MaxStatesPerQuery">States all the automata of one query may compile to together.</param>
/// <param name="MaxPatternStates">States of the nondeterministic automaton a pattern is first expanded to (counted repetition included).</param>
/// <param name="MaxDeterminizeSteps">Work units (a set member visited or a transition read) all determinizations of one query may take together.</param>
/// <param name="MaxRegexLength">Characters of one regular expression.</param>
public sealed record QueryCostLimits(
    bool AllowExpensiveQueries = true,
    int MaxDeterminizedStates = 10_000,
    int MaxStatesPerQuery = 20_000,
    int MaxPatternStates = 10_000,
    long MaxDeterminizeSteps = 100_000,
    int MaxRegexLength = 1_000)
{
    public static readonly QueryCostLimits Default = new();
}
