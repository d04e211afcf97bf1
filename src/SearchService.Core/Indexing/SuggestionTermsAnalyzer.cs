using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace SearchService.Core.Indexing;

/// <summary>
/// Analysis of the suggestion vocabulary's fields: lower-cased, unstemmed words (<see cref="IndexSchema.Words"/>) or
/// pairs of adjacent words (<see cref="IndexSchema.Phrases"/>), only those the search box may offer.
/// </summary>
public sealed class SuggestionTermsAnalyzer(bool pairs) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(IndexSchema.Version, reader);
        var words = new LowerCaseFilter(IndexSchema.Version, tokenizer);
        return new TokenStreamComponents(tokenizer, pairs ? new AdjacentPairFilter(words) : new OfferableWordFilter(words));
    }
}
