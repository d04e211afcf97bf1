using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The vocabulary of one index, as one of its readers sees it. It lives for one search, which may look up a hundred
/// words (spelling checks, the rarity of feedback words): they are looked up through the search's
/// <see cref="TermStates"/>, which keeps them for its later stages, where <see cref="IndexReader.DocFreq(Term)"/> opens
/// a new terms enumerator (its arrays, a clone of the terms file) for every word in every segment.
/// </summary>
internal sealed class IndexVocabulary(TermStates states) : IVocabulary
{
    private readonly IndexReader reader = states.Top.Reader;

    public IndexVocabulary(IndexReader reader) : this(new TermStates(reader.Context))
    {
    }

    public int Paragraphs => reader.NumDocs;

    /// <summary>As <see cref="IndexReader.DocFreq(Term)"/>: the sum over the segments, deleted paragraphs included.</summary>
    public int DocFreq(Term term) => states.Of(term).DocFreq;

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) => Neighbours(term.Text, [term.Field], maxEdits)[0];

    /// <summary>
    /// <see cref="Neighbours(Term, int)"/> of the same text in each of <paramref name="fields"/>: the Levenshtein
    /// automata, which depend on the text alone, are built once for all (the enumerators share them through their
    /// attributes, as Lucene's fuzzy query shares them between segments).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TermFrequency>> Neighbours(string text, IReadOnlyList<string> fields, int maxEdits)
    {
        var automata = new AttributeSource();
        return fields.Select(field => Walk(MultiFields.GetTerms(reader, field), new Term(field, text))).ToList();

        IReadOnlyList<TermFrequency> Walk(Terms? terms, Term term)
        {
            if (terms is null)
                return [];
            var candidates = new FuzzyTermsEnum(terms, automata, term, maxEdits, prefixLength: 1, transpositions: true);
            var found = new List<TermFrequency>();
            while (candidates.MoveNext())
                found.Add(new TermFrequency(candidates.Term.Utf8ToString(), candidates.DocFreq));
            return found;
        }
    }
}
