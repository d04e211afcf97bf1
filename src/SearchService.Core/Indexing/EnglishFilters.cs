using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace SearchService.Core.Indexing;

/// <summary>
/// The filters of <see cref="EnglishAnalyzer"/> (LUCENE_48, its default stop words, no stem exclusions) over a
/// tokenizer's words, for the fields that build their own chain rather than take the analyzer's: their terms are then
/// the ones <see cref="IndexSchema.CreateAnalyzer"/> gives and queries are analysed into.
/// </summary>
internal static class EnglishFilters
{
    public static TokenStream Over(TokenStream words)
    {
        TokenStream english = new StandardFilter(IndexSchema.Version, words);
        english = new EnglishPossessiveFilter(IndexSchema.Version, english);
        english = new LowerCaseFilter(IndexSchema.Version, english);
        english = new StopFilter(IndexSchema.Version, english, EnglishAnalyzer.DefaultStopSet);
        return new PorterStemFilter(english);
    }
}
