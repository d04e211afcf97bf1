using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The query for the plain words of a search (not quoted, not OR-ed, not prefixes). A few words are all required, as
/// people expect from a search box. A longer input is a question in natural language, whose words nobody expects to
/// find all in one paragraph: its question words are dropped, a paragraph with any of the rest matches and ranks by how
/// many and how rare (BM25), and paragraphs with two adjacent question words near each other rank a little higher,
/// because adjacent words in a question often name one thing ("heat conduction", "foreign office").
/// </summary>
public sealed class FreeTextQuery(Analyzer analyzer)
{
    /// <summary>Up to this many words are all required; more are read as a question.</summary>
    public const int AllRequiredUpTo = 3;

    /// <summary>Slop of the proximity clause for two adjacent query words: they may be this many positions apart.</summary>
    public const int ProximitySlop = 2;

    /// <summary>Weight of an adjacent-pair match relative to a single word.</summary>
    public const float ProximityBoost = 0.1f;

    private readonly QueryBuilder builder = new(analyzer);

    public static bool IsQuestion(IEnumerable<string> typedWords) =>
        typedWords.Distinct(StringComparer.OrdinalIgnoreCase).Count() > AllRequiredUpTo;

    public Query? Build(IReadOnlyList<string> typedWords)
    {
        var words = typedWords.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var isQuestion = IsQuestion(words);
        if (isQuestion)
            words = words.Where(w => !QuestionWords.Contains(w.ToLowerInvariant())).ToList();
        var wordQueries = words.Select(w => (Word: w, Query: WordQuery(w))).Where(q => q.Query is not null).ToList();
        if (wordQueries.Count == 0)
            return null;

        var query = new BooleanQuery();
        if (!isQuestion)
        {
            foreach (var (_, wordQuery) in wordQueries)
                query.Add(wordQuery, Occur.MUST);
            return query;
        }

        var anyWord = new BooleanQuery();
        foreach (var (_, wordQuery) in wordQueries)
            anyWord.Add(wordQuery, Occur.SHOULD);
        query.Add(anyWord, Occur.MUST);
        foreach (var pair in AdjacentPairs(wordQueries.Select(q => q.Word)))
            query.Add(pair, Occur.SHOULD);
        return query;
    }

    /// <summary>The word in the paragraph text or, with less weight, in the article title.</summary>
    private Query? WordQuery(string word)
    {
        var either = new BooleanQuery();
        foreach (var (field, boost) in SearchFields.Weighted)
        {
            var query = builder.CreatePhraseQuery(field, word);
            if (query is null)
                continue;
            query.Boost = boost;
            either.Add(query, Occur.SHOULD);
        }
        return either.Clauses.Count == 0 ? null : either;
    }

    private IEnumerable<Query> AdjacentPairs(IEnumerable<string> words)
    {
        var terms = words.Select(SingleTerm).ToList();
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if (terms[i] is null || terms[i + 1] is null)
                continue;
            var pair = new PhraseQuery { Slop = ProximitySlop, Boost = ProximityBoost };
            pair.Add(new Term(IndexSchema.Text, terms[i]));
            pair.Add(new Term(IndexSchema.Text, terms[i + 1]));
            yield return pair;
        }
    }

    /// <summary>The word's one indexed term in the text field, or null when it analyses to none or several.</summary>
    private string? SingleTerm(string word)
    {
        using var stream = analyzer.GetTokenStream(IndexSchema.Text, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? single = null;
        var count = 0;
        while (stream.IncrementToken())
        {
            single = term.ToString();
            count++;
        }
        stream.End();
        return count == 1 ? single : null;
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
