using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lower-cased words, unstemmed and with stop words kept, plus every pair of adjacent words ("foreign ministry"):
/// what the suggestion vocabulary is read from.
/// </summary>
public sealed class WordsAndPairsAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.Version, reader);
        TokenStream stream = new LowerCaseFilter(IndexSchema.Version, tokenizer);
        stream = new ShingleFilter(stream, 2, 2); // keeps the single words too
        return new TokenStreamComponents(tokenizer, stream);
    }
}
