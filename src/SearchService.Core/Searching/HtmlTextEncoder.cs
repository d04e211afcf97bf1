using System.Text;
using Lucene.Net.Search.Highlight;

namespace SearchService.Core.Searching;

/// <summary>
/// Encodes exactly the characters that are markup in HTML (&amp; &lt; &gt; " '), leaving every other character
/// as it is: safe in element content and quoted attributes, and still readable ("“" stays "“", not "&amp;#8220;").
/// </summary>
public sealed class HtmlTextEncoder : IEncoder
{
    public static readonly HtmlTextEncoder Instance = new();

    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        return Encode(text, new StringBuilder(text.Length + 16)).ToString();
    }

    /// <summary>Appends the encoded text to <paramref name="encoded"/>.</summary>
    public static StringBuilder Encode(ReadOnlySpan<char> text, StringBuilder encoded)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': encoded.Append("&amp;"); break;
                case '<': encoded.Append("&lt;"); break;
                case '>': encoded.Append("&gt;"); break;
                case '"': encoded.Append("&quot;"); break;
                case '\'': encoded.Append("&#39;"); break;
                default: encoded.Append(c); break;
            }
        }
        return encoded;
    }
}
