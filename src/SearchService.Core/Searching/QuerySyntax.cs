namespace SearchService.Core.Searching;

/// <summary>How the <c>q</c> parameter is read.</summary>
public enum QuerySyntax
{
    /// <summary>Forgiving syntax for a search box: words, "phrases", -excluded, OR, prefix*. Never an error.</summary>
    Simple,
    /// <summary>Full Lucene query syntax; a syntax error is reported to the caller.</summary>
    Lucene,
}
