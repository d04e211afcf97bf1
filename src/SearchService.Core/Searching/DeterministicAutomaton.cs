using System.Buffers;
using System.Text;

namespace SearchService.Core.Searching;

/// <summary>
/// A deterministic automaton over Unicode code points: from each state, disjoint ranges sorted by code point, each to
/// one state. Made by <see cref="BoundedDeterminizer"/>, so never larger than the cap it was made under.
/// </summary>
internal sealed class DeterministicAutomaton
{
    // Arrays, not lists: a term match reads them once per character of every term it is run over.
    private readonly int start;
    private readonly bool[] accept;
    private readonly PatternNfa.Range[][] transitions;

    public DeterministicAutomaton(int start, IEnumerable<bool> accept, IEnumerable<IEnumerable<PatternNfa.Range>> transitions)
    {
        this.start = start;
        this.accept = accept.ToArray();
        this.transitions = transitions.Select(t => t.ToArray()).ToArray();
    }

    public int Start => start;

    public int Count => accept.Length;

    public bool IsAccept(int state) => accept[state];

    public IReadOnlyList<PatternNfa.Range> TransitionsOf(int state) => transitions[state];

    /// <summary>Every string this automaton does not accept: each missing move goes to a new dead state, and accepting flips.</summary>
    public DeterministicAutomaton Complement()
    {
        var dead = Count;
        var complementTransitions = new List<List<PatternNfa.Range>>();
        for (var state = 0; state < Count; state++)
        {
            var total = new List<PatternNfa.Range>();
            var next = 0;
            foreach (var range in transitions[state])
            {
                if (range.Min > next)
                    total.Add(new PatternNfa.Range(next, range.Min - 1, dead));
                total.Add(range);
                next = range.Max + 1;
            }
            if (next <= PatternNfa.MaxCodePoint)
                total.Add(new PatternNfa.Range(next, PatternNfa.MaxCodePoint, dead));
            complementTransitions.Add(total);
        }
        complementTransitions.Add([new PatternNfa.Range(0, PatternNfa.MaxCodePoint, dead)]);
        return new DeterministicAutomaton(start, accept.Select(a => !a).Append(true).ToList(), complementTransitions);
    }

    /// <summary>Strings both automata accept: the reachable pairs of their states, at most <paramref name="maxStates"/>.</summary>
    public DeterministicAutomaton Intersection(DeterministicAutomaton other, int maxStates, AutomatonBudget budget)
    {
        var numbers = new Dictionary<(int, int), int> { [(start, other.Start)] = 0 };
        var pairs = new List<(int Mine, int Theirs)> { (start, other.Start) };
        var productTransitions = new List<List<PatternNfa.Range>>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (mine, theirs) = pairs[i];
            var moves = new List<PatternNfa.Range>();
            foreach (var a in transitions[mine])
            {
                foreach (var b in other.TransitionsOf(theirs))
                {
                    var min = Math.Max(a.Min, b.Min);
                    var max = Math.Min(a.Max, b.Max);
                    if (min > max)
                        continue;
                    if (!numbers.TryGetValue((a.To, b.To), out var to))
                    {
                        if (pairs.Count >= maxStates)
                            throw TooManyStates(maxStates);
                        to = pairs.Count;
                        numbers[(a.To, b.To)] = to;
                        pairs.Add((a.To, b.To));
                    }
                    moves.Add(new PatternNfa.Range(min, max, to));
                }
            }
            budget.ChargeSteps(1 + transitions[mine].Length * other.TransitionsOf(theirs).Count);
            productTransitions.Add(moves.OrderBy(m => m.Min).ToList());
        }
        return new DeterministicAutomaton(0, pairs.Select(p => accept[p.Mine] && other.IsAccept(p.Theirs)).ToList(), productTransitions);
    }

    /// <summary>The state after reading <paramref name="codePoint"/> in <paramref name="state"/>; −1 when there is no move.</summary>
    public int Step(int state, int codePoint)
    {
        var moves = transitions[state];
        int low = 0, high = moves.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (codePoint < moves[middle].Min)
                high = middle - 1;
            else if (codePoint > moves[middle].Max)
                low = middle + 1;
            else
                return moves[middle].To;
        }
        return -1;
    }

    /// <summary>Whether the automaton accepts the UTF-8 text (a term as the index holds it).</summary>
    public bool Accepts(ReadOnlySpan<byte> utf8) => Match(utf8, out _);

    /// <summary>Whether the automaton accepts the UTF-8 text.</summary>
    /// <param name="deadPrefix">
    /// When the automaton has no move for a character: the bytes up to and with that character, which no accepted
    /// string starts with; otherwise 0.
    /// </param>
    public bool Match(ReadOnlySpan<byte> utf8, out int deadPrefix)
    {
        deadPrefix = 0;
        var state = start;
        for (var at = 0; at < utf8.Length;)
        {
            int codePoint, length;
            if (utf8[at] < 0x80)
                (codePoint, length) = (utf8[at], 1);
            else if (Rune.DecodeFromUtf8(utf8[at..], out var rune, out length) == OperationStatus.Done)
                codePoint = rune.Value;
            else
                return false;
            state = Step(state, codePoint);
            at += length;
            if (state < 0)
            {
                deadPrefix = at;
                return false;
            }
        }
        return accept[state];
    }

    /// <summary>The text every accepted string starts with: the single-character moves from the start, up to the first choice or accepting state.</summary>
    public string LiteralPrefix()
    {
        var prefix = new StringBuilder();
        var seen = new HashSet<int>();
        for (var state = start; !accept[state] && transitions[state] is [{ Min: var c, Max: var d, To: var to }] && c == d && !char.IsSurrogate((char)Math.Min(c, char.MaxValue)) && seen.Add(state); state = to)
            prefix.Append(char.ConvertFromUtf32(c));
        return prefix.ToString();
    }

    public static QueryRefusedException TooManyStates(int maxStates) =>
        new($"The pattern is too complex: it compiles to more than {maxStates:N0} automaton states.");
}
