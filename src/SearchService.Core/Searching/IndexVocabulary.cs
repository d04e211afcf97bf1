using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>The vocabulary of one index, as one of its readers sees it.</summary>
internal sealed class IndexVocabulary(IndexReader reader) : IVocabulary
{
    public int Paragraphs => reader.NumDocs;

    public int DocFreq(Term term) => reader.DocFreq(term);

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits)
    {
        if (MultiFields.GetTerms(reader, term.Field) is not { } terms)
            return [];
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), term, maxEdits, prefixLength: 1, transpositions: true);
        var found = new List<TermFrequency>();
        while (candidates.MoveNext())
            found.Add(new TermFrequency(candidates.Term.Utf8ToString(), candidates.DocFreq));
        return found;
    }
}
