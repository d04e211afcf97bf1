using System.Globalization;
using Fragment = SearchService.Core.Searching.PatternNfa.Fragment;

namespace SearchService.Core.Searching;

/// <summary>
/// Lucene's regular expression syntax (<c>RegExp</c> with all its optional features: <c>~</c> complement, <c>&amp;</c>
/// intersection, <c>#</c> the empty language, <c>@</c> any string, <c>&lt;n-m&gt;</c> numeric intervals), read into a
/// <see cref="PatternNfa"/> instead of Lucene's automata, whose every step determinizes and minimizes without a cap.
/// Named automata (<c>&lt;name&gt;</c>) are not available, as in the classic query parser.
/// </summary>
internal sealed class RegexpPattern
{
    private readonly int[] text;
    private readonly AutomatonBudget budget;
    private int pos;

    private RegexpPattern(string pattern, AutomatonBudget budget)
    {
        var codePoints = new List<int>();
        for (var i = 0; i < pattern.Length; i += char.IsSurrogatePair(pattern, i) ? 2 : 1)
            codePoints.Add(char.IsSurrogatePair(pattern, i) ? char.ConvertToUtf32(pattern, i) : pattern[i]);
        text = codePoints.ToArray();
        this.budget = budget;
    }

    /// <exception cref="ArgumentException">The pattern is not valid; the message says where.</exception>
    /// <exception cref="QueryRefusedException">The pattern is too long or too complex.</exception>
    public static (PatternNfa Nfa, Fragment Fragment) Parse(string pattern, AutomatonBudget budget)
    {
        if (pattern.Length > budget.Limits.MaxRegexLength)
            throw new QueryRefusedException(
                $"The regular expression is {pattern.Length:N0} characters long; at most {budget.Limits.MaxRegexLength:N0} are allowed.");
        var reader = new RegexpPattern(pattern, budget);
        var build = reader.text.Length == 0 ? (nfa => nfa.EmptyString()) : reader.UnionExp();
        if (reader.pos < reader.text.Length)
            throw new ArgumentException($"end of the expression expected at position {reader.pos}");
        var nfa = new PatternNfa(budget.Limits.MaxPatternStates);
        return (nfa, build(nfa));
    }

    private bool More => pos < text.Length;

    private bool Peek(string any) => More && any.Contains((char)Math.Min(text[pos], char.MaxValue));

    private bool Match(char c)
    {
        if (!More || text[pos] != c)
            return false;
        pos++;
        return true;
    }

    private int Next() => More ? text[pos++] : throw new ArgumentException($"unexpected end of the expression at position {pos}");

    private Func<PatternNfa, Fragment> UnionExp()
    {
        var first = InterExp();
        if (!Match('|'))
            return first;
        var rest = UnionExp();
        return nfa => nfa.Union(first(nfa), rest(nfa));
    }

    private Func<PatternNfa, Fragment> InterExp()
    {
        var first = ConcatExp();
        if (!Match('&'))
            return first;
        var rest = InterExp();
        return nfa =>
        {
            var left = Determinized(first);
            var right = Determinized(rest);
            return nfa.Embed(left.Intersection(right, budget.Limits.MaxDeterminizedStates, budget));
        };
    }

    private Func<PatternNfa, Fragment> ConcatExp()
    {
        var first = RepeatExp();
        if (!More || Peek(")|&"))
            return first;
        var rest = ConcatExp();
        return nfa => nfa.Concatenation(first(nfa), rest(nfa));
    }

    private Func<PatternNfa, Fragment> RepeatExp()
    {
        var build = ComplExp();
        while (Peek("?*+{"))
        {
            var inner = build;
            if (Match('?'))
                build = nfa => nfa.Optional(inner(nfa));
            else if (Match('*'))
                build = nfa => nfa.ZeroOrMore(inner(nfa));
            else if (Match('+'))
                build = nfa => nfa.OneOrMore(inner(nfa));
            else
            {
                pos++; // '{'
                var min = Number();
                var max = min;
                if (Match(','))
                    max = Peek("0123456789") ? Number() : -1;
                if (!Match('}'))
                    throw new ArgumentException($"expected '}}' at position {pos}");
                if (max != -1 && min > max)
                    throw new ArgumentException($"repetition {{{min},{max}}} has its minimum above its maximum");
                build = nfa => Repeat(nfa, inner, min, max);
            }
        }
        return build;
    }

    /// <summary><paramref name="min"/> copies, then up to max − min optional ones (max −1: any number more).</summary>
    private static Fragment Repeat(PatternNfa nfa, Func<PatternNfa, Fragment> inner, int min, int max)
    {
        var result = nfa.EmptyString();
        for (var i = 0; i < min; i++)
            result = nfa.Concatenation(result, inner(nfa));
        if (max == -1)
            return nfa.Concatenation(result, nfa.ZeroOrMore(inner(nfa)));
        for (var i = min; i < max; i++)
            result = nfa.Concatenation(result, nfa.Optional(inner(nfa)));
        return result;
    }

    private int Number()
    {
        var start = pos;
        while (Peek("0123456789"))
            pos++;
        if (start == pos || !int.TryParse(string.Concat(text[start..pos].Select(c => (char)c)), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new ArgumentException($"expected a number at position {start}");
        return n;
    }

    private Func<PatternNfa, Fragment> ComplExp()
    {
        if (!Match('~'))
            return CharClassExp();
        var inner = ComplExp();
        return nfa => nfa.Embed(Determinized(inner).Complement());
    }

    private DeterministicAutomaton Determinized(Func<PatternNfa, Fragment> build)
    {
        var nfa = new PatternNfa(budget.Limits.MaxPatternStates);
        return BoundedDeterminizer.Determinize(nfa, build(nfa), budget.Limits.MaxDeterminizedStates, budget);
    }

    private Func<PatternNfa, Fragment> CharClassExp()
    {
        if (!Match('['))
            return SimpleExp();
        var negate = Match('^');
        var ranges = new List<(int Min, int Max)>();
        do
        {
            var from = CharExp();
            var to = Match('-') ? CharExp() : from;
            if (from > to)
                throw new ArgumentException($"invalid range in a character class at position {pos}");
            ranges.Add((from, to));
        }
        while (More && !Peek("]"));
        if (!Match(']'))
            throw new ArgumentException($"expected ']' at position {pos}");
        var set = negate ? Complement(ranges) : ranges;
        return nfa => nfa.Ranges(set);
    }

    private static List<(int Min, int Max)> Complement(List<(int Min, int Max)> ranges)
    {
        var outside = new List<(int, int)>();
        var next = 0;
        foreach (var (min, max) in ranges.OrderBy(r => r.Min))
        {
            if (min > next)
                outside.Add((next, min - 1));
            next = Math.Max(next, max + 1);
        }
        if (next <= PatternNfa.MaxCodePoint)
            outside.Add((next, PatternNfa.MaxCodePoint));
        return outside;
    }

    private Func<PatternNfa, Fragment> SimpleExp()
    {
        if (Match('.'))
            return nfa => nfa.AnyCodePoint();
        if (Match('#'))
            return nfa => nfa.Nothing();
        if (Match('@'))
            return nfa => nfa.ZeroOrMore(nfa.AnyCodePoint());
        if (Match('"'))
        {
            var start = pos;
            while (More && !Peek("\""))
                pos++;
            if (!Match('"'))
                throw new ArgumentException($"expected '\"' at position {pos}");
            var literal = text[start..(pos - 1)];
            return nfa => Literal(nfa, literal);
        }
        if (Match('('))
        {
            if (Match(')'))
                return nfa => nfa.EmptyString();
            var inner = UnionExp();
            if (!Match(')'))
                throw new ArgumentException($"expected ')' at position {pos}");
            return inner;
        }
        if (Match('<'))
            return Interval();
        var c = CharExp();
        return nfa => nfa.CodePoint(c);
    }

    private static Fragment Literal(PatternNfa nfa, int[] codePoints)
    {
        var result = nfa.EmptyString();
        foreach (var c in codePoints)
            result = nfa.Concatenation(result, nfa.CodePoint(c));
        return result;
    }

    /// <summary>&lt;n-m&gt;: the decimal numbers from n to m, zero-padded to the same width when n and m have it.</summary>
    private Func<PatternNfa, Fragment> Interval()
    {
        var start = pos;
        while (More && !Peek(">"))
            pos++;
        if (!Match('>'))
            throw new ArgumentException($"expected '>' at position {pos}");
        var inside = string.Concat(text[start..(pos - 1)].Select(c => char.ConvertFromUtf32(c)));
        var dash = inside.IndexOf('-');
        if (dash == -1)
            throw new ArgumentException($"named automata such as <{inside}> are not available");
        if (dash == 0 || dash == inside.Length - 1 || dash != inside.LastIndexOf('-')
            || !int.TryParse(inside[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !int.TryParse(inside[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var high))
            throw new ArgumentException($"interval syntax error at position {start - 1}");
        var width = dash == inside.Length - dash - 1 ? dash : 0;
        if (low > high)
            (low, high) = (high, low);
        var automaton = Lucene.Net.Util.Automaton.BasicAutomata.MakeInterval(low, high, width);
        return nfa => EmbedLucene(nfa, automaton);
    }

    /// <summary>Lucene's interval automaton (small: a few states per digit) copied into the pattern.</summary>
    private static Fragment EmbedLucene(PatternNfa nfa, Lucene.Net.Util.Automaton.Automaton automaton)
    {
        var end = nfa.AddState();
        var numbers = new Dictionary<Lucene.Net.Util.Automaton.State, int>();
        var pending = new Queue<Lucene.Net.Util.Automaton.State>();
        int Number(Lucene.Net.Util.Automaton.State state)
        {
            if (!numbers.TryGetValue(state, out var number))
            {
                number = numbers[state] = nfa.AddState();
                pending.Enqueue(state);
            }
            return number;
        }
        var start = Number(automaton.GetInitialState());
        while (pending.TryDequeue(out var state))
        {
            foreach (var transition in state.GetTransitions())
                nfa.AddRange(numbers[state], transition.Min, transition.Max, Number(transition.Dest));
            if (state.Accept)
                nfa.AddEpsilon(numbers[state], end);
        }
        return new Fragment(start, end);
    }

    private int CharExp()
    {
        Match('\\');
        return Next();
    }
}
