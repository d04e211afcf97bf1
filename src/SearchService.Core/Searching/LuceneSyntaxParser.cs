using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The full Lucene query syntax (<c>syntax=lucene</c>) over the paragraph text by default; syntax errors become
/// <see cref="QuerySyntaxException"/>, and queries that would cost too much to compile or are turned off
/// (<see cref="QueryCostLimits"/>) become <see cref="QueryRefusedException"/>, both before any work on the index.
/// </summary>
public sealed class LuceneSyntaxParser(Analyzer analyzer, QueryCostLimits? limits = null)
{
    private readonly QueryCostLimits limits = limits ?? QueryCostLimits.Default;

    /// <exception cref="QuerySyntaxException">The query does not parse.</exception>
    /// <exception cref="QueryRefusedException">The query is too costly, or of a kind turned off.</exception>
    public Query Parse(string input)
    {
        // The classic parser is not thread-safe; it is cheap to make one per query, and its budget is the query's.
        var parser = new GuardedQueryParser(analyzer, new AutomatonBudget(limits))
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(input);
        }
        catch (ParseException e)
        {
            throw new QuerySyntaxException(FirstLine(e.Message), e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new QuerySyntaxException("The query has too many clauses.", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Makes every query that expands to many terms in the bounded forms: regular expressions and wildcards compiled
    /// under a cap on automaton states (Lucene 4.8 determinizes them without one, exponentially: /.*a.{16}/ took over
    /// a minute and 2 GB), fuzzy terms checked against the same cap, and all of them, prefixes and ranges enumerating
    /// their terms under the searcher's time budget.
    /// </summary>
    private sealed class GuardedQueryParser(Analyzer analyzer, AutomatonBudget budget)
        : QueryParser(IndexSchema.Version, IndexSchema.Text, analyzer)
    {
        public const int MinPrefixLength = 2;

        /// <summary>A one-letter prefix expands to a large part of the vocabulary: too costly to be worth it.</summary>
        protected override Query GetPrefixQuery(string field, string termStr)
        {
            if (termStr.Length < MinPrefixLength)
                throw new ParseException($"Prefix '{termStr}*' refused: at least {MinPrefixLength} characters before the *.");
            return base.GetPrefixQuery(field, termStr);
        }

        protected override Query NewPrefixQuery(Term prefix)
        {
            RefuseIfExpensiveOff("Prefix queries");
            return new BudgetedPrefixQuery(prefix) { MultiTermRewriteMethod = MultiTermRewriteMethod };
        }

        protected override Query NewWildcardQuery(Term t)
        {
            RefuseIfExpensiveOff("Wildcard queries");
            var query = BoundedAutomatonQuery.Wildcard(t, budget);
            query.MultiTermRewriteMethod = MultiTermRewriteMethod;
            return query;
        }

        protected override Query NewRegexpQuery(Term t)
        {
            RefuseIfExpensiveOff("Regular expressions");
            BoundedAutomatonQuery query;
            try
            {
                query = BoundedAutomatonQuery.Regexp(t, budget);
            }
            catch (ArgumentException e)
            {
                throw new ParseException($"Regular expression /{t.Text}/ is not valid: {e.Message}.");
            }
            query.MultiTermRewriteMethod = MultiTermRewriteMethod;
            return query;
        }

        protected override Query NewFuzzyQuery(Term term, float minimumSimilarity, int prefixLength)
        {
            RefuseIfExpensiveOff("Fuzzy queries");
            // The classic parser's own reading of term~0.8 (a similarity) as edits, as its base method does.
#pragma warning disable CS0618
            var edits = FuzzyQuery.SingleToEdits(minimumSimilarity, term.Text.EnumerateRunes().Count());
#pragma warning restore CS0618
            return BudgetedFuzzyQuery.Create(term, edits, prefixLength, budget);
        }

        protected override Query NewRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
        {
            RefuseIfExpensiveOff("Range queries");
            var range = (TermRangeQuery)base.NewRangeQuery(field, part1, part2, startInclusive, endInclusive);
            return new BudgetedTermRangeQuery(field, range.LowerTerm, range.UpperTerm, range.IncludesLower, range.IncludesUpper)
            {
                MultiTermRewriteMethod = range.MultiTermRewriteMethod,
            };
        }

        private void RefuseIfExpensiveOff(string kind)
        {
            if (!budget.Limits.AllowExpensiveQueries)
                throw new QueryRefusedException($"{kind} are turned off on this server (Search:AllowExpensiveQueries is false).");
        }
    }
}
