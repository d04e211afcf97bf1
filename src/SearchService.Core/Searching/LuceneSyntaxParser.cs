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
        var parser = new QueryParser(IndexSchema.Version, IndexSchema.Text, analyzer)
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
}
