using System.Text;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Searching;

/// <summary>
/// The cost of a query in Lucene syntax is bounded while it is parsed: patterns whose automata would grow without limit
/// are refused quickly, the rest compile to at most <see cref="QueryCostLimits.MaxDeterminizedStates"/> states.
/// </summary>
public sealed class LuceneSyntaxParserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromMilliseconds(100);

    private readonly StandardAnalyzer analyzer = new(IndexSchema.Version);

    private static string Dots(int k) => new('.', k);

    private static string Marks(int k) => new('?', k);

    /// <summary>
    /// Parses, and says whether the query was refused, with the processor time it took (<see cref="ThreadCpuTime"/>)
    /// and the largest automaton made.
    /// </summary>
    private (bool Refused, TimeSpan Took, int LargestAutomaton) ParseTimed(string q)
    {
        var parser = new LuceneSyntaxParser(analyzer);
        parser.Parse("warm*"); // the first parse pays for compiling the parser's code
        Query? query = null;
        var refused = false;
        var took = ThreadCpuTime.Of(() =>
        {
            try
            {
                query = parser.Parse(q);
            }
            catch (QueryRefusedException)
            {
                refused = true;
            }
        });
        return (refused, took, query is null ? 0 : Automata(query).DefaultIfEmpty(0).Max());
    }

    private static IEnumerable<int> Automata(Query query) => query switch
    {
        BoundedAutomatonQuery automaton => [automaton.StateCount],
        BudgetedFuzzyQuery fuzzy => [fuzzy.StateCount],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => Automata(c.Query)),
        _ => [],
    };

    public static TheoryData<string> HostilePatterns => new()
    {
        $"/.*a{Dots(8)}/",
        $"/.*a{Dots(12)}/",
        $"/.*a{Dots(16)}/",
        $"/.*a{Dots(20)}/",
        $"/.*a{Dots(40)}/",
        $"/{Dots(16)}a.*/",
        $"x*a{Marks(16)}",
        $"x*a{Marks(20)}",
        $"x*a{Marks(60)}",
        "/(a|aa)*b{1,500}/",
        "/(a|aa)*b.{16}/",
        "/((a|aa)*)*(b|bb)*.*c.{14}/",
        "/[a-z]{1,50}[0-9]{1,50}/",
        "/.*[a-z]{1,50}[0-9]{1,50}/",
        "/a{1,99999}/",
        "/(.{1,99}){1,99}/",
        "/~(.*a.{16})/",
        "/(.*a.{12})&(.*b.{12})/",
        new string('a', 200) + "~2",
        new string('a', 1000) + "~2",
        string.Concat(Enumerable.Range(0, 1000).Select(i => (char)('a' + i % 26))) + "~2",
        string.Concat(Enumerable.Range(0, 1000).Select(i => (char)('a' + i % 26))) + "~1",
    };

    [Theory]
    [MemberData(nameof(HostilePatterns))]
    public void A_hostile_pattern_is_refused_or_compiled_under_the_cap_quickly(string q)
    {
        var (refused, took, largest) = ParseTimed(q);
        output.WriteLine($"{(refused ? "refused" : $"{largest:N0} states")} in {took.TotalMilliseconds:F1} ms");

        Assert.True(took < Quickly, $"{q} took {took.TotalMilliseconds:F0} ms of processor time to parse.");
        Assert.InRange(largest, 0, QueryCostLimits.Default.MaxDeterminizedStates);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(20)]
    public void A_regular_expression_whose_automaton_doubles_with_each_dot_is_refused_saying_why(int k)
    {
        var parser = new LuceneSyntaxParser(analyzer);

        var e = Assert.Throws<QueryRefusedException>(() => parser.Parse($"/.*a{Dots(k)}/"));

        Assert.Contains("too complex", e.Message);
    }

    [Fact]
    public void A_wildcard_whose_automaton_doubles_with_each_question_mark_is_refused()
    {
        Assert.True(ParseTimed($"x*a{Marks(16)}").Refused);
    }

    [Fact]
    public void A_regular_expression_longer_than_allowed_is_refused_saying_how_long_it_may_be()
    {
        var parser = new LuceneSyntaxParser(analyzer, new QueryCostLimits(MaxRegexLength: 10));

        var e = Assert.Throws<QueryRefusedException>(() => parser.Parse("/abcdefghijk/"));

        Assert.Contains("at most 10 are allowed", e.Message);
    }

    [Fact]
    public void Counted_repetition_within_the_cap_compiles()
    {
        var (refused, _, largest) = ParseTimed("/[a-z]{1,50}[0-9]{1,50}/");

        Assert.False(refused);
        Assert.InRange(largest, 1, QueryCostLimits.Default.MaxDeterminizedStates);
    }

    [Fact]
    public void A_fuzzy_term_whose_automaton_could_pass_the_cap_is_refused_before_it_is_built()
    {
        var e = Assert.Throws<QueryRefusedException>(() => new LuceneSyntaxParser(analyzer).Parse(new string('a', 300) + "~2"));

        Assert.Contains("fuzzy term is too long", e.Message);
    }

    [Fact]
    public void Many_patterns_each_under_the_cap_are_refused_together_when_they_pass_the_query_total()
    {
        // Each wildcard compiles to about 2,000 states; twenty of them to about 40,000.
        var q = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"x{(char)('a' + i)}*a{Marks(9)}"));

        var e = Assert.Throws<QueryRefusedException>(() => new LuceneSyntaxParser(analyzer).Parse(q));

        Assert.Contains("together", e.Message);
    }

    [Theory]
    [InlineData("/terror.*/")]
    [InlineData("te?ror*")]
    [InlineData("terrorism~1")]
    [InlineData("title:[a TO m]")]
    [InlineData("pak*")]
    public void An_expensive_kind_of_query_is_refused_when_expensive_queries_are_off(string q)
    {
        var parser = new LuceneSyntaxParser(analyzer, new QueryCostLimits(AllowExpensiveQueries: false));

        var e = Assert.Throws<QueryRefusedException>(() => parser.Parse(q));

        Assert.Contains("Search:AllowExpensiveQueries", e.Message);
    }

    [Fact]
    public void Words_and_phrases_are_searched_when_expensive_queries_are_off()
    {
        var parser = new LuceneSyntaxParser(analyzer, new QueryCostLimits(AllowExpensiveQueries: false));

        Assert.NotNull(parser.Parse("terrorism AND \"foreign office\" -oil"));
    }

    [Theory]
    [InlineData("ab.*", new[] { "ab", "abc", "xab" })]
    [InlineData("(a|bc)+d?", new[] { "a", "bcabc", "abcd", "d", "" })]
    [InlineData("[^a-c]x{2,3}", new[] { "dxx", "axx", "dxxxx", "\u00e9xxx" })]
    [InlineData("~(ab)", new[] { "ab", "", "abc", "b" })]
    [InlineData("(.*a.*)&(.*b.*)", new[] { "ab", "ba", "a", "b", "cacb" })]
    [InlineData("<1-120>", new[] { "1", "99", "120", "121", "007" })]
    [InlineData("<001-120>", new[] { "001", "1", "120" })]
    [InlineData("\"a.b\"@#?", new[] { "a.b", "a.bzz", "axb" })]
    [InlineData("\\.\\*[\\]]", new[] { ".*]", "x*]" })]
    [InlineData("()a{3}b{2,}", new[] { "aaabb", "aaab", "aaabbbb" })]
    public void A_regular_expression_accepts_the_same_strings_as_in_Lucene(string pattern, string[] inputs)
    {
        var (nfa, fragment) = RegexpPattern.Parse(pattern, new AutomatonBudget(QueryCostLimits.Default));
        var ours = BoundedDeterminizer.Determinize(nfa, fragment, 10_000, new AutomatonBudget(QueryCostLimits.Default));
        var lucenes = new RegExp(pattern).ToAutomaton();

        foreach (var input in inputs)
            Assert.True(BasicOperations.Run(lucenes, input) == ours.Accepts(Encoding.UTF8.GetBytes(input)), $"/{pattern}/ on '{input}'");
    }

    [Theory]
    [InlineData("te?t*", new[] { "test", "tent", "testing", "tet", "tex" })]
    [InlineData("*a\\*b", new[] { "a*b", "xxa*b", "ab" })]
    public void A_wildcard_accepts_the_same_strings_as_in_Lucene(string pattern, string[] inputs)
    {
        var (nfa, fragment) = WildcardPattern.Parse(pattern, new AutomatonBudget(QueryCostLimits.Default));
        var ours = BoundedDeterminizer.Determinize(nfa, fragment, 10_000, new AutomatonBudget(QueryCostLimits.Default));
        var lucenes = WildcardQuery.ToAutomaton(new Term("f", pattern));

        foreach (var input in inputs)
            Assert.True(BasicOperations.Run(lucenes, input) == ours.Accepts(Encoding.UTF8.GetBytes(input)), $"{pattern} on '{input}'");
    }

    [Theory]
    [InlineData("/[")]
    [InlineData("/a{2,1}/")]
    [InlineData("/<name>/")]
    [InlineData("/(ab/")]
    public void An_invalid_regular_expression_is_a_syntax_error(string q)
    {
        Assert.Throws<QuerySyntaxException>(() => new LuceneSyntaxParser(analyzer).Parse(q));
    }

    public void Dispose() => analyzer.Dispose();
}
