namespace SearchService.Core.Searching;

/// <summary>The parse stage: a request's query, read by the parser of its syntax.</summary>
internal sealed class RequestParser(UserQueryParser simple, LuceneSyntaxParser lucene)
{
    /// <param name="corrector">Corrects typos from the index's words (simple syntax).</param>
    /// <returns>Null when the request has no query: every paragraph matches.</returns>
    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    public ParsedQuery? Parse(SearchRequest request, IWordCorrector corrector)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            return null;
        return request.Syntax == QuerySyntax.Lucene
            ? new ParsedQuery(lucene.Parse(request.Query), [])
            : simple.Parse(request.Query, corrector);
    }
}
