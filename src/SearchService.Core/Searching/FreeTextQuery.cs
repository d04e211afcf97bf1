using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The query for the plain words of a search (not quoted, not OR-ed, not prefixes). A few words are all required, as
/// people expect from a search box. A longer input is a question in natural language, whose words nobody expects to
/// find all in one paragraph: its question words are dropped, a paragraph with any of the rest matches and ranks by how
/// many and how rare (BM25), and paragraphs with two adjacent question words near each other rank a little higher,
/// because adjacent words in a question often name one thing ("heat conduction", "foreign office"); any two question
/// words within a few words of each other lift a paragraph a little less. Those pairs come apart from the words
/// (<see cref="Parts.Pairs"/>): they only re-score, so they are scored for the best matches only
/// (<see cref="QuestionRescorer"/>).
/// </summary>
public sealed class FreeTextQuery(Analyzer analyzer, Synonyms synonyms)
{
    /// <summary>Up to this many words are all required; more are read as a question.</summary>
    public const int AllRequiredUpTo = 3;

    /// <summary>Slop of the proximity clause for two adjacent query words: they may be this many positions apart.</summary>
    public const int ProximitySlop = 2;

    /// <summary>Weight of an adjacent-pair match relative to a single word.</summary>
    public const float ProximityBoost = 0.1f;

    /// <summary>Slop of the window clause for any two question words: in either order, about eight positions apart at most.</summary>
    public const int WindowSlop = 8;

    /// <summary>
    /// Weight of a window match relative to a single word: half an adjacent pair's, as in Metzler and Croft's dependence
    /// model (words 0.85, ordered pairs 0.1, unordered windows 0.05).
    /// </summary>
    public const float WindowBoost = 0.05f;

    /// <summary>Window clauses pair at most this many terms of a question (120 pairs), far below Lucene's clause limit.</summary>
    public const int WindowTermsUpTo = 16;

    /// <summary>Weight of a spelling correction relative to the word as typed, so exact matches rank first.</summary>
    public const float CorrectionBoost = 0.5f;

    /// <summary>Weight of another word form ("terrorism" for "terrorist") relative to the form typed.</summary>
    public const float WordFormBoost = 0.7f;

    private readonly QueryBuilder builder = new(analyzer);

    private static bool IsQuestion(IEnumerable<string> typedWords) =>
        typedWords.Distinct(StringComparer.OrdinalIgnoreCase).Count() > AllRequiredUpTo;

    /// <summary>The words' query, which decides the matches, and for a question the clauses that only re-score them.</summary>
    /// <param name="Pairs">Question terms that add to the score where they stand near each other; none for a short query.</param>
    public sealed record Parts(Query Words, bool IsQuestion, IReadOnlyList<WordPair> Pairs);

    /// <param name="corrector">Corrects words the index does not know; null to take words as typed.</param>
    /// <param name="corrections">Receives the corrections made.</param>
    public Parts? Build(IReadOnlyList<string> typedWords, IWordCorrector? corrector, ICollection<SpellingCorrection> corrections)
    {
        var words = typedWords.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var isQuestion = IsQuestion(words);
        if (isQuestion)
            words = words.Where(w => !QuestionWords.Contains(w.ToLowerInvariant())).ToList();
        var wordQueries = NamesIn(words)
            .Select(name => (Word: name, Query: NameQuery(name, corrector, isQuestion, corrections)))
            .Where(q => q.Query is not null)
            .ToList();
        if (wordQueries.Count == 0)
            return null;

        var query = new BooleanQuery();
        foreach (var (_, wordQuery) in wordQueries)
            query.Add(wordQuery, isQuestion ? Occur.SHOULD : Occur.MUST);
        if (!isQuestion)
            return new Parts(query, IsQuestion: false, Pairs: []);

        var terms = IndexedTerm.AllOf(analyzer, string.Join(' ', wordQueries.Select(q => q.Word)));
        return new Parts(query, IsQuestion: true, AdjacentPairs(terms).Concat(WindowPairs(terms)).ToList());
    }

    /// <summary>
    /// The words, with runs that are a name in the synonyms (longest first: "united nations") kept together as one.
    /// </summary>
    private IEnumerable<string> NamesIn(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count;)
        {
            var length = Math.Min(synonyms.LongestName, words.Count - i);
            while (length > 1 && !synonyms.Of(string.Join(' ', words.Skip(i).Take(length))).Any())
                length--;
            yield return string.Join(' ', words.Skip(i).Take(Math.Max(1, length)));
            i += Math.Max(1, length);
        }
    }

    /// <summary>A name with its synonyms, or a word with its other forms and, when misspelt, its correction.</summary>
    private Query? NameQuery(string name, IWordCorrector? corrector, bool inQuestion, ICollection<SpellingCorrection> corrections)
    {
        var others = synonyms.Of(name).ToList();
        if (others.Count == 0)
            return corrector is null ? WordQuery(name) : CorrectedWordQuery(name, corrector, inQuestion, corrections);
        var any = new BooleanQuery();
        foreach (var alternative in others.Prepend(name))
        {
            if (WordQuery(alternative) is { } query)
                any.Add(query, Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>The word in the paragraph text or in the article title, and its other forms with less weight.</summary>
    private Query? WordQuery(string word)
    {
        var forms = WordForms.Of(word).Select(f => IndexedTerm.Of(analyzer, f)).OfType<string>().ToList();
        return SearchFields.AnyField((field, boost) =>
        {
            var query = InField(field, word);
            if (query is null)
                return null;
            query.Boost = boost;
            if (forms.Count == 0)
                return query;
            var withForms = new BooleanQuery { { query, Occur.SHOULD } };
            foreach (var form in forms)
                withForms.Add(new TermQuery(new Term(field, form)) { Boost = boost * WordFormBoost }, Occur.SHOULD);
            return withForms;
        });
    }

    /// <summary>
    /// The word's query in one field: the term query Lucene's <see cref="QueryBuilder"/> makes of a word that analyses
    /// to one term, made without the builder's token cache, which copies every token's attributes (about half of parsing a
    /// plain query in a profile); the builder's phrase for a word of several terms, null for none.
    /// </summary>
    private Query? InField(string field, string word) =>
        IndexedTerm.Of(analyzer, word, field) is { } term ? new TermQuery(new Term(field, term)) : builder.CreatePhraseQuery(field, word);

    /// <summary>
    /// The word, or its correction with less weight when the index does not know it. In a question only a word the
    /// index has never seen is corrected: a rare word chosen in a sentence is meant ("safely" is not "same"), and it is
    /// the question's strongest clue; a short query's rare word may be a typo the corpus happens to share.
    /// </summary>
    private Query? CorrectedWordQuery(string word, IWordCorrector corrector, bool inQuestion, ICollection<SpellingCorrection> corrections)
    {
        var exact = WordQuery(word);
        var rareBelow = inQuestion ? 1 : SpellingCorrector.RareBelow;
        if (exact is null || IndexedTerm.Of(analyzer, word) is not { } term || corrector.Correct(term, rareBelow) is not { } corrected)
            return exact;
        corrections.Add(new SpellingCorrection(word, corrected));
        return new BooleanQuery
        {
            { exact, Occur.SHOULD },
            { SearchFields.AnyField((field, boost) => new TermQuery(new Term(field, corrected)) { Boost = boost * CorrectionBoost }), Occur.SHOULD },
        };
    }

    /// <summary>
    /// The fields a correction adds its term in (<see cref="CorrectedWordQuery"/>'s, every field a word is searched in),
    /// and all it adds: a sharded search takes those terms' figures with the neighbours it corrects from, rather than
    /// asking every shard for the corrected query's.
    /// </summary>
    public static IEnumerable<string> CorrectionFields => SearchFields.Weighted.Select(f => f.Field);

    /// <summary>
    /// A proximity clause for each two neighbouring terms of the question as analysed, so that stop words between them
    /// do not break the pair: "angle of attack" pairs "angl" with "attack", and "shock-induced" pairs its two halves.
    /// </summary>
    private static IEnumerable<WordPair> AdjacentPairs(IReadOnlyList<string> terms)
    {
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if (terms[i] != terms[i + 1])
                yield return new WordPair(terms[i], terms[i + 1], ProximitySlop, ProximityBoost);
        }
    }

    /// <summary>
    /// A window clause for every two terms of the question, neighbours or not: words of one question found close
    /// together in a paragraph are likely one statement about the question's subject, while the same words scattered
    /// over a paragraph may belong to different statements. Related words of a question are often apart in it ("which
    /// ministers spoke about the yen": "ministers" and "yen"). The unordered-window part of a dependence model.
    /// </summary>
    private static IEnumerable<WordPair> WindowPairs(IReadOnlyList<string> terms)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).Take(WindowTermsUpTo).ToList();
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
                yield return new WordPair(distinct[i], distinct[j], WindowSlop, WindowBoost);
        }
    }

    /// <summary>
    /// Words that shape a question rather than say what it is about ("what are the problems of…", "how can one…").
    /// Only dropped from questions: in a short query a word like "who" or "can" may be the point.
    /// </summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "whether",
        "do", "does", "did", "can", "could", "should", "would", "must", "may", "might", "shall", "will",
        "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "any", "some", "there", "about", "i", "me", "we", "us", "you",
        // How people ask for documents rather than what the documents are about.
        "anyone", "anything", "available", "information", "articles", "papers", "literature", "known", "know",
        "find", "give", "tell", "looking", "please",
    };
}
