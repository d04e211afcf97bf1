namespace SearchService.Core.Searching;

/// <summary>
/// A nondeterministic automaton over Unicode code points with empty (epsilon) moves, built fragment by fragment from a
/// pattern (Thompson's construction). Its size is linear in the pattern with repetitions expanded, and capped.
/// </summary>
internal sealed class PatternNfa(int maxStates)
{
    public const int MaxCodePoint = 0x10FFFF;

    /// <summary>A piece of the automaton with one way in and one way out.</summary>
    public readonly record struct Fragment(int Start, int End);

    public readonly record struct Range(int Min, int Max, int To);

    private readonly List<List<int>> epsilons = [];
    private readonly List<List<Range>> ranges = [];

    public int Count => ranges.Count;

    public IReadOnlyList<int> EpsilonsOf(int state) => epsilons[state];

    public IReadOnlyList<Range> RangesOf(int state) => ranges[state];

    public int AddState()
    {
        if (Count >= maxStates)
            throw new QueryRefusedException($"The pattern is too large: it expands to more than {maxStates:N0} automaton states.");
        epsilons.Add([]);
        ranges.Add([]);
        return Count - 1;
    }

    public void AddEpsilon(int from, int to) => epsilons[from].Add(to);

    public void AddRange(int from, int min, int max, int to) => ranges[from].Add(new Range(min, max, to));

    public Fragment EmptyString()
    {
        var start = AddState();
        var end = AddState();
        AddEpsilon(start, end);
        return new Fragment(start, end);
    }

    public Fragment Nothing() => new(AddState(), AddState());

    public Fragment Ranges(IEnumerable<(int Min, int Max)> codePoints)
    {
        var start = AddState();
        var end = AddState();
        foreach (var (min, max) in codePoints)
            AddRange(start, min, max, end);
        return new Fragment(start, end);
    }

    public Fragment CodePoint(int c) => Ranges([(c, c)]);

    public Fragment AnyCodePoint() => Ranges([(0, MaxCodePoint)]);

    public Fragment Concatenation(Fragment first, Fragment second)
    {
        AddEpsilon(first.End, second.Start);
        return new Fragment(first.Start, second.End);
    }

    public Fragment Union(Fragment one, Fragment other)
    {
        var start = AddState();
        var end = AddState();
        AddEpsilon(start, one.Start);
        AddEpsilon(start, other.Start);
        AddEpsilon(one.End, end);
        AddEpsilon(other.End, end);
        return new Fragment(start, end);
    }

    public Fragment Optional(Fragment inner)
    {
        AddEpsilon(inner.Start, inner.End);
        return inner;
    }

    /// <summary>One or more times: the way out loops back in.</summary>
    public Fragment OneOrMore(Fragment inner)
    {
        var end = AddState();
        AddEpsilon(inner.End, inner.Start);
        AddEpsilon(inner.End, end);
        return new Fragment(inner.Start, end);
    }

    public Fragment ZeroOrMore(Fragment inner) => Optional(OneOrMore(inner));

    /// <summary>A deterministic automaton copied in, its accepting states leading to the fragment's end.</summary>
    public Fragment Embed(DeterministicAutomaton automaton)
    {
        var offset = Count;
        for (var i = 0; i < automaton.Count; i++)
            AddState();
        var end = AddState();
        for (var state = 0; state < automaton.Count; state++)
        {
            foreach (var (min, max, to) in automaton.TransitionsOf(state))
                AddRange(offset + state, min, max, offset + to);
            if (automaton.IsAccept(state))
                AddEpsilon(offset + state, end);
        }
        return new Fragment(offset + automaton.Start, end);
    }
}
