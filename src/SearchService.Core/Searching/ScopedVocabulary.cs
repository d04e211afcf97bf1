using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// The vocabulary of the paragraphs inside a <see cref="SearchScope"/>: a typo is corrected only to a word the scope
/// holds, by how often the scope holds it, so a correction ("did you mean") never names a word from outside it.
/// </summary>
internal sealed class ScopedVocabulary(IndexSearcher searcher, SearchScope scope) : IVocabulary
{
    private readonly Filter within = scope.ToFilter();
    private readonly IndexVocabulary whole = new(searcher.IndexReader);

    public int Paragraphs => SearchScope.Count(searcher, new MatchAllDocsQuery(), within);

    public int DocFreq(Term term) => SearchScope.Count(searcher, new TermQuery(term), within);

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) =>
        whole.Neighbours(term, maxEdits)
            .Select(candidate => candidate with { DocFreq = DocFreq(new Term(term.Field, candidate.Term)) })
            .Where(candidate => candidate.DocFreq > 0)
            .ToList();
}
