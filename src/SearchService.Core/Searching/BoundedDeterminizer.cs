namespace SearchService.Core.Searching;

/// <summary>
/// Subset construction with a cap: turns a <see cref="PatternNfa"/> fragment into a <see cref="DeterministicAutomaton"/>,
/// or refuses as soon as the result would pass the cap on states or the query's budget of work. Lucene 4.8 has no such
/// cap (Java Lucene added <c>maxDeterminizedStates</c> in 4.10), and /.*a.{16}/ determinizes to 2^17 states.
/// </summary>
internal static class BoundedDeterminizer
{
    public static DeterministicAutomaton Determinize(PatternNfa nfa, PatternNfa.Fragment fragment, int maxStates, AutomatonBudget budget)
    {
        var seen = new int[nfa.Count];
        var generation = 0;
        var numbers = new Dictionary<int[], int>(StateSetComparer.Instance);
        var sets = new List<int[]>();
        var transitions = new List<List<PatternNfa.Range>>();

        int Number(int[] set)
        {
            if (numbers.TryGetValue(set, out var number))
                return number;
            if (sets.Count >= maxStates)
                throw DeterministicAutomaton.TooManyStates(maxStates);
            numbers[set] = sets.Count;
            sets.Add(set);
            return sets.Count - 1;
        }

        // Reused for every set: allocation would cost more than the work itself.
        var members = new List<int>();
        var stack = new Stack<int>();
        int[] Closure(IEnumerable<int> seeds)
        {
            generation++;
            members.Clear();
            foreach (var seed in seeds)
            {
                if (seen[seed] != generation)
                {
                    seen[seed] = generation;
                    stack.Push(seed);
                }
            }
            while (stack.Count > 0)
            {
                var state = stack.Pop();
                members.Add(state);
                foreach (var next in nfa.EpsilonsOf(state))
                {
                    if (seen[next] != generation)
                    {
                        seen[next] = generation;
                        stack.Push(next);
                    }
                }
            }
            budget.ChargeSteps(members.Count);
            members.Sort();
            return members.ToArray();
        }

        var events = new List<(int At, int To, int Delta)>();
        var active = new Dictionary<int, int>();
        var start = Number(Closure([fragment.Start]));
        for (var i = 0; i < sets.Count; i++)
        {
            // Sweep over the code points where some member's range starts or ends; between two such points the
            // members that move, and so the next set, stay the same.
            events.Clear();
            active.Clear();
            foreach (var state in sets[i])
            {
                foreach (var range in nfa.RangesOf(state))
                {
                    events.Add((range.Min, range.To, 1));
                    events.Add((range.Max + 1, range.To, -1));
                }
            }
            budget.ChargeSteps(events.Count);
            events.Sort((a, b) => a.At.CompareTo(b.At));
            var moves = new List<PatternNfa.Range>();
            for (var e = 0; e < events.Count;)
            {
                var at = events[e].At;
                for (; e < events.Count && events[e].At == at; e++)
                {
                    var (_, to, delta) = events[e];
                    var count = active.GetValueOrDefault(to) + delta;
                    if (count == 0)
                        active.Remove(to);
                    else
                        active[to] = count;
                }
                if (active.Count == 0 || e == events.Count)
                    continue;
                var target = Number(Closure(active.Keys));
                var last = events[e].At - 1;
                if (moves.Count > 0 && moves[^1].To == target && moves[^1].Max == at - 1)
                    moves[^1] = moves[^1] with { Max = last };
                else
                    moves.Add(new PatternNfa.Range(at, last, target));
            }
            transitions.Add(moves);
        }
        return new DeterministicAutomaton(start, sets.Select(s => Array.BinarySearch(s, fragment.End) >= 0).ToList(), transitions);
    }

    private sealed class StateSetComparer : IEqualityComparer<int[]>
    {
        public static readonly StateSetComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
