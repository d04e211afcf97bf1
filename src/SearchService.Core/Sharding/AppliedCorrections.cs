using Lucene.Net.Analysis;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>On a shard, the spelling corrections its gatherer made from every shard's words, applied to the same words again.</summary>
internal sealed class AppliedCorrections(IReadOnlyList<SpellingCorrection> corrections, Analyzer analyzer) : IWordCorrector
{
    public string? Correct(string term, int rareBelow) =>
        corrections.FirstOrDefault(c => IndexedTerm.Of(analyzer, c.Typed) == term)?.CorrectedTerm;
}
