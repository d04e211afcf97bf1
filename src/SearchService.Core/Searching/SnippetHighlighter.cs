using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Makes the HTML-safe snippet of a paragraph: its best fragment (about <see cref="FragmentLength"/> characters),
/// HTML-encoded, each match wrapped in &lt;mark&gt;, and "…" where the paragraph was cut.
/// Nothing from the corpus reaches the snippet without being encoded.
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer)
{
    public const int FragmentLength = 200;
    private const string Ellipsis = "…";
    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    public string Highlight(Query? query, string text)
    {
        if (query is not null)
        {
            var scorer = new QueryScorer(query, IndexSchema.Text);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen, MarkClose), HtmlTextEncoder.Instance, scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
            };
            var fragment = highlighter.GetBestFragment(analyzer, IndexSchema.Text, text);
            if (!string.IsNullOrEmpty(fragment))
                return WithEllipses(fragment, text);
        }
        return Lead(text);
    }

    /// <summary>The start of the paragraph, cut at a word boundary, for hits without a match in the text.</summary>
    public static string Lead(string text)
    {
        if (text.Length <= FragmentLength)
            return HtmlTextEncoder.Encode(text);
        var cut = text.LastIndexOf(' ', FragmentLength);
        if (cut < FragmentLength / 2)
            cut = FragmentLength;
        return HtmlTextEncoder.Encode(text[..cut].TrimEnd()) + Ellipsis;
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
