using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Makes the HTML-safe snippet of a paragraph: its best fragment (about <see cref="FragmentLength"/> characters),
/// HTML-encoded, each match wrapped in &lt;mark&gt;, and "…" where the paragraph was cut; a headline likewise, with the
/// matches in the headline. Nothing from the corpus reaches the snippet without being encoded.
/// </summary>
/// <remarks>
/// The query's terms and phrases are read once per search (<see cref="For"/>); each paragraph is then analysed once and
/// its tokens matched against them. Lucene's stock <see cref="Highlighter"/> did the same work per paragraph with an
/// in-memory index for every phrase, which was a third of a search's time; it is still used for the queries only Lucene
/// syntax builds (wildcards, fuzzy and range queries), whose matching terms depend on the text.
/// </remarks>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    public const int FragmentLength = 200;

    /// <summary>How much text a fragment may show before its first match.</summary>
    private const int LeadIn = FragmentLength / 5;

    private const string Ellipsis = "…";
    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    public string Highlight(Query? query, string text) => For(query)(text);

    /// <summary>The snippet maker for every hit of one query.</summary>
    /// <param name="field">Whose matches are marked: the paragraph's (<see cref="IndexSchema.Text"/>) or the headline's
    /// (<see cref="IndexSchema.Title"/>); both are analysed alike.</param>
    public Func<string, string> For(Query? query, string field = IndexSchema.Text)
    {
        if (query is null)
            return Lead;
        var terms = QueryMatchTerms.Of(query, field);
        if (!terms.IsComplete)
            return text => StockHighlight(query, text, field);
        if (terms.IsEmpty)
            return Lead;
        var matcher = new TokenMatcher(terms);
        return text => Highlight(matcher, text);
    }

    /// <summary>
    /// The snippet maker for many texts analysed once each (<see cref="Analyse"/>): the same snippets as
    /// <see cref="For"/> makes, for the percolator, which highlights one paragraph for many alerts.
    /// </summary>
    public Func<AnalysedText, string> ForAnalysed(Query? query, string field = IndexSchema.Text)
    {
        if (query is null)
            return analysed => Lead(analysed.Text);
        var terms = QueryMatchTerms.Of(query, field);
        if (!terms.IsComplete)
            return analysed => StockHighlight(query, analysed.Text, field);
        if (terms.IsEmpty)
            return analysed => Lead(analysed.Text);
        var matcher = new TokenMatcher(terms);
        return analysed => Highlight(matcher, analysed.Text, Tokens(matcher, analysed));
    }

    /// <summary>A text's tokens as the index's analyzer makes them, for <see cref="ForAnalysed"/>.</summary>
    public AnalysedText Analyse(string text)
    {
        var (terms, starts, ends, positions) = (new List<string>(), new List<int>(), new List<int>(), new List<int>());
        Analyse(text, (term, start, end, position) =>
        {
            terms.Add(term.ToString());
            starts.Add(start);
            ends.Add(end);
            positions.Add(position);
        });
        return new AnalysedText(text, [.. terms], [.. starts], [.. ends], [.. positions]);
    }

    /// <summary>The start of the paragraph, cut at a word boundary, for hits without a match in the text.</summary>
    public static string Lead(string text)
    {
        if (text.Length <= FragmentLength)
            return HtmlTextEncoder.Encode(text);
        var cut = text.LastIndexOf(' ', FragmentLength);
        if (cut < FragmentLength / 2)
            cut = WholeCharacters(text, FragmentLength);
        return HtmlTextEncoder.Encode(text[..cut].TrimEnd()) + Ellipsis;
    }

    private string Highlight(TokenMatcher matcher, string text) => Highlight(matcher, text, Tokens(matcher, text));

    private static string Highlight(TokenMatcher matcher, string text, List<TokenMatcher.Token> tokens)
    {
        var marks = matcher.Match(tokens);
        if (marks.Count == 0)
            return Lead(text);
        var (start, end) = BestWindow(marks, text);
        var snippet = new StringBuilder(end - start + 64);
        if (start > 0)
            snippet.Append(Ellipsis);
        var at = start;
        foreach (var mark in marks)
        {
            if (mark.Start < at || mark.End > end)
                continue;
            HtmlTextEncoder.Encode(text.AsSpan(at, mark.Start - at), snippet);
            snippet.Append(MarkOpen);
            HtmlTextEncoder.Encode(text.AsSpan(mark.Start, mark.End - mark.Start), snippet);
            snippet.Append(MarkClose);
            at = mark.End;
        }
        HtmlTextEncoder.Encode(text.AsSpan(at, end - at), snippet);
        if (end < text.Length)
            snippet.Append(Ellipsis);
        return snippet.ToString();
    }

    /// <summary>
    /// The fragment with the most weight of different matches (a word found twice counts once, as a reader skims for
    /// each word), the earliest of equals; it starts at a word a little before its first match, or at the paragraph's
    /// start, and ends at a word boundary. Leading and trailing spaces are left out.
    /// </summary>
    private static (int Start, int End) BestWindow(List<TokenMatcher.Mark> marks, string text)
    {
        var trimmedLength = text.TrimEnd().Length;
        if (trimmedLength <= FragmentLength)
            return (SkipSpaces(text, 0), trimmedLength);
        var fragments = new FragmentScores(marks);
        var best = (Start: 0, Score: fragments.Score(0, FragmentLength));
        var tried = 0;
        foreach (var mark in marks)
        {
            var start = WordStartAfter(text, Math.Max(0, mark.Start - LeadIn), mark.Start);
            // Marks that share a start (a word that is a term and part of phrases) share its fragment too.
            if (start == tried)
                continue;
            tried = start;
            var score = fragments.Score(start, start + FragmentLength);
            if (score > best.Score + 1e-6f)
                best = (start, score);
        }
        var windowStart = SkipSpaces(text, best.Start);
        var end = WholeCharacters(text, Math.Min(trimmedLength, windowStart + FragmentLength));
        if (end < trimmedLength)
        {
            // Cut at the last space before the limit (at the limit itself in text without spaces near it), and never
            // inside a match.
            var cut = text.LastIndexOf(' ', end);
            if (cut < windowStart + FragmentLength / 2)
                cut = end;
            foreach (var mark in marks)
            {
                if (mark.Start < cut && mark.End > cut)
                    cut = mark.Start;
            }
            if (cut > windowStart)
                end = text.AsSpan(0, cut).TrimEnd().Length;
        }
        return (windowStart, end);
    }

    private static int WordStartAfter(string text, int from, int limit)
    {
        if (from == 0)
            return 0;
        var space = text.IndexOf(' ', from, limit - from);
        return space < 0 ? limit : space + 1;
    }

    /// <summary>A cut at <paramref name="at"/>, moved back one if it would split a surrogate pair (emoji, rarer CJK).</summary>
    private static int WholeCharacters(string text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
        return at;
    }

    private List<TokenMatcher.Token> Tokens(TokenMatcher matcher, string text)
    {
        var tokens = new List<TokenMatcher.Token>(text.Length / 6 + 4); // about one token per six characters of news text
        Analyse(text, (term, start, end, position) => tokens.Add(new TokenMatcher.Token(matcher.IdOf(term), start, end, position)));
        return tokens;
    }

    private delegate void TokenVisitor(ReadOnlySpan<char> term, int start, int end, int position);

    /// <summary>Runs the index's analyzer over <paramref name="text"/>, telling each token's term, offsets and position.</summary>
    private void Analyse(string text, TokenVisitor visit)
    {
        using var stream = analyzer.GetTokenStream(IndexSchema.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            visit(term.Buffer.AsSpan(0, term.Length), offset.StartOffset, offset.EndOffset, position);
        }
        stream.End();
    }

    private static List<TokenMatcher.Token> Tokens(TokenMatcher matcher, AnalysedText analysed)
    {
        var tokens = new List<TokenMatcher.Token>(analysed.Terms.Length);
        for (var i = 0; i < analysed.Terms.Length; i++)
            tokens.Add(new TokenMatcher.Token(matcher.IdOf(analysed.Terms[i]), analysed.Starts[i], analysed.Ends[i], analysed.Positions[i]));
        return tokens;
    }

    private string StockHighlight(Query query, string text, string field)
    {
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen, MarkClose), HtmlTextEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
        };
        var fragment = highlighter.GetBestFragment(analyzer, field, text);
        return string.IsNullOrEmpty(fragment) ? Lead(text) : WithEllipses(fragment, text);
    }

    private static string WithEllipses(string fragment, string text)
    {
        var plain = WebUtility.HtmlDecode(fragment.Replace(MarkOpen, "").Replace(MarkClose, "")).Trim();
        var start = text.IndexOf(plain, StringComparison.Ordinal);
        var snippet = fragment.Trim();
        if (start > 0)
            snippet = Ellipsis + snippet;
        if (start < 0 || start + plain.Length < text.TrimEnd().Length)
            snippet += Ellipsis;
        return snippet;
    }
}
