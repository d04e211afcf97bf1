using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The forgiving query language of the search box: words (all required), "quoted phrases" (<c>"crude prices"~3</c>: up
/// to 3 positions apart, in any order, as Elasticsearch's <c>simple_query_string</c> reads it), <c>-excluded</c>,
/// <c>OR</c> between words, and <c>prefix*</c>. Any input gives a query — unbalanced quotes, stray operators and
/// symbols are read as well as they can be, never rejected.
/// </summary>
public sealed class UserQueryParser(Analyzer analyzer, Synonyms? synonyms = null)
{
    /// <summary>More clauses than this are ignored: nobody types them, and Lucene caps a boolean query at 1024.</summary>
    public const int MaxClauses = 64;

    /// <summary>Prefixes shorter than this would expand to much of the vocabulary; such words are searched as they are.</summary>
    public const int MinPrefixLength = 2;

    private readonly QueryBuilder builder = new(analyzer);
    private readonly FreeTextQuery freeText = new(analyzer, synonyms ?? Synonyms.None);

    public Query Parse(string input) => Parse(input, corrector: null).Query;

    /// <param name="corrector">Corrects misspelt words (from the index's vocabulary); null to take words as typed.</param>
    public ParsedQuery Parse(string input, IWordCorrector? corrector)
    {
        // Tokens joined by OR form one group; groups are AND-ed.
        var groups = new List<List<Token>>();
        var excluded = new List<Query>();
        var joinNext = false;
        var clauses = 0;
        foreach (var token in Tokenize(input))
        {
            if (clauses >= MaxClauses)
                break;
            if (token.Kind == TokenKind.Or)
            {
                joinNext = groups.Count > 0;
                continue;
            }
            clauses++;
            if (token.Negated)
            {
                if (ToQuery(token) is { } query)
                    excluded.Add(query);
            }
            else if (joinNext)
                groups[^1].Add(token);
            else
                groups.Add([token]);
            joinNext = false;
        }

        var result = new BooleanQuery();
        var plainWords = groups.Where(IsPlainWord).Select(g => g[0].Text).ToList();
        var corrections = new List<SpellingCorrection>();
        var words = freeText.Build(plainWords, corrector, corrections);
        if (words is not null)
            result.Add(words.Words, Occur.MUST);
        foreach (var group in groups.Where(g => !IsPlainWord(g)))
        {
            var queries = group.Select(ToQuery).OfType<Query>().ToList();
            if (queries.Count > 0)
                result.Add(queries.Count == 1 ? queries[0] : AnyOf(queries), Occur.MUST);
        }
        if (result.Clauses.Count == 0 && excluded.Count > 0)
            result.Add(new MatchAllDocsQuery(), Occur.MUST);
        foreach (var query in excluded)
            result.Add(query, Occur.MUST_NOT);
        return new ParsedQuery(result, corrections, words?.IsQuestion ?? false, words?.Pairs);
    }

    /// <summary>
    /// Whether <paramref name="input"/> holds a phrase with a slop (<c>"a b"~3</c>): Lucene scores such a phrase by
    /// every arrangement of its words' positions, which a phrase repeating one word makes costly. Asked of every search
    /// request, so input without a <c>~</c> is not tokenized.
    /// </summary>
    public static bool HasSloppyPhrase(string input) => input.Contains('~') && Tokenize(input).Any(token => token.Slop > 0);

    private static bool IsPlainWord(List<Token> group) => group is [{ Kind: TokenKind.Word }];

    private Query? ToQuery(Token token) => token.Kind == TokenKind.Prefix
        ? SearchFields.AnyField((field, boost) => new BudgetedPrefixQuery(new Term(field, token.Text)) { Boost = boost })
        : SearchFields.AnyField((field, boost) =>
        {
            var query = builder.CreatePhraseQuery(field, token.Text, token.Slop);
            if (query is not null)
                query.Boost = boost;
            return query;
        });

    private static BooleanQuery AnyOf(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery();
        foreach (var query in queries)
            any.Add(query, Occur.SHOULD);
        return any;
    }

    private enum TokenKind { Word, Phrase, Prefix, Or }

    /// <param name="Slop">How many positions apart a phrase's words may be (<c>"a b"~N</c>); 0 for anything else.</param>
    private sealed record Token(TokenKind Kind, string Text, bool Negated, int Slop = 0);

    private static IEnumerable<Token> Tokenize(string input)
    {
        var i = 0;
        var notBefore = false;
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }

            var negated = notBefore;
            notBefore = false;
            while (i < input.Length && input[i] is '-' or '+' or '!')
            {
                negated |= input[i] is '-' or '!';
                i++;
            }
            if (i >= input.Length)
                yield break;

            if (input[i] == '"')
            {
                // An unbalanced quote runs to the end of the input.
                var close = input.IndexOf('"', i + 1);
                var end = close < 0 ? input.Length : close;
                var text = input[(i + 1)..end];
                i = Math.Min(input.Length, end + 1);
                yield return new Token(TokenKind.Phrase, text, negated, close < 0 ? 0 : SlopAt(input, ref i));
                continue;
            }

            var start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"')
                i++;
            var word = input[start..i];
            if (!negated && word is "OR" or "|" or "||")
                yield return new Token(TokenKind.Or, word, false);
            else if (!negated && word is "AND" or "&&")
                continue;
            else if (!negated && word is "NOT")
                notBefore = true;
            else if (PrefixOf(word) is { } prefix)
                yield return new Token(TokenKind.Prefix, prefix, negated);
            else
                yield return new Token(TokenKind.Word, word.TrimEnd('*'), negated);
        }
    }

    /// <summary>
    /// The slop of <c>~N</c> right after a closing quote, reading past it (and past a lone <c>~</c>); 0 when there is
    /// none. A number too large for an int is the widest slop.
    /// </summary>
    private static int SlopAt(string input, ref int i)
    {
        if (i >= input.Length || input[i] != '~')
            return 0;
        var digits = ++i;
        while (i < input.Length && char.IsAsciiDigit(input[i]))
            i++;
        return i == digits ? 0 : int.TryParse(input.AsSpan(digits, i - digits), out var slop) ? slop : int.MaxValue;
    }

    /// <summary>"terror*" → "terror" (lower case, letters and digits only), when long enough to be a useful prefix.</summary>
    private static string? PrefixOf(string word)
    {
        if (!word.EndsWith('*'))
            return null;
        var stem = new StringBuilder();
        foreach (var c in word.TrimEnd('*'))
        {
            if (!char.IsLetterOrDigit(c))
                return null;
            stem.Append(char.ToLowerInvariant(c));
        }
        return stem.Length >= MinPrefixLength ? stem.ToString() : null;
    }
}
