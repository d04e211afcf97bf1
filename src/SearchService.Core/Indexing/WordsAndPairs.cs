using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;

namespace SearchService.Core.Indexing;

/// <summary>
/// The tokens of the <see cref="IndexSchema.Words"/> field: lower-cased words, unstemmed and with stop words kept,
/// plus every pair of adjacent words ("foreign ministry"). The field is never queried, so it is given its tokens
/// directly instead of going through the index's analyzer.
/// </summary>
public static class WordsAndPairs
{
    /// <summary>A fresh token stream over <paramref name="text"/> (one per field: the index reads it when the document is added).</summary>
    public static TokenStream Tokens(string text)
    {
        var words = new LowerCaseFilter(IndexSchema.Version, new StandardTokenizer(IndexSchema.Version, new StringReader(text)));
        return new ShingleFilter(words, 2, 2); // keeps the single words too
    }
}
