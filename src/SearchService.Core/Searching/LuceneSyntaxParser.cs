using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>The full Lucene query syntax (<c>syntax=lucene</c>) over the paragraph text by default; syntax errors become <see cref="QuerySyntaxException"/>.</summary>
public sealed class LuceneSyntaxParser(Analyzer analyzer)
{
    public Query Parse(string input)
    {
        // The classic parser is not thread-safe; it is cheap to make one per query.
        var parser = new GuardedQueryParser(analyzer)
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
    /// Refuses regular expressions that could take the process down: Lucene 4.8 builds their automata recursively,
    /// and /a{1,99999}/ overflows the stack. Short expressions without counted repetition are safe.
    /// </summary>
    private sealed class GuardedQueryParser(Analyzer analyzer) : QueryParser(IndexSchema.Version, IndexSchema.Text, analyzer)
    {
        public const int MaxRegexpLength = 30;
        public const int MinPrefixLength = 2;

        /// <summary>A one-letter prefix expands to a large part of the vocabulary: too costly to be worth it.</summary>
        protected override Query GetPrefixQuery(string field, string termStr)
        {
            if (termStr.Length < MinPrefixLength)
                throw new ParseException($"Prefix '{termStr}*' refused: at least {MinPrefixLength} characters before the *.");
            return base.GetPrefixQuery(field, termStr);
        }

        protected override Query GetRegexpQuery(string field, string termStr)
        {
            if (termStr.Length > MaxRegexpLength || termStr.Contains('{'))
                throw new ParseException(
                    $"Regular expression /{termStr}/ refused: at most {MaxRegexpLength} characters and no {{n,m}} repetition.");
            return base.GetRegexpQuery(field, termStr);
        }
    }
}
