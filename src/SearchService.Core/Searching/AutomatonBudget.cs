namespace SearchService.Core.Searching;

/// <summary>
/// What is left of one query's allowance for compiling automata: states kept and determinization work. Shared by all
/// the patterns of the query, so that many cheap patterns cannot add up to an expensive query.
/// </summary>
internal sealed class AutomatonBudget(QueryCostLimits limits)
{
    private long stepsLeft = limits.MaxDeterminizeSteps;
    private int statesLeft = limits.MaxStatesPerQuery;

    public QueryCostLimits Limits => limits;

    public void ChargeSteps(long steps)
    {
        stepsLeft -= steps;
        if (stepsLeft < 0)
            throw new QueryRefusedException(
                $"The query's patterns are too complex: together they take more than {limits.MaxDeterminizeSteps:N0} steps to compile.");
    }

    public void ChargeStates(int states)
    {
        statesLeft -= states;
        if (statesLeft < 0)
            throw new QueryRefusedException(
                $"The query's patterns are too complex: together they compile to more than {limits.MaxStatesPerQuery:N0} automaton states.");
    }
}
