using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>What a typed word becomes in the text field's index.</summary>
internal static class IndexedTerm
{
    /// <summary>The word's one indexed term ("terrorism" → "terror"), or null when it analyses to none (a stop word) or several.</summary>
    /// <param name="field">Whose analysis: the paragraph text's unless said.</param>
    public static string? Of(Analyzer analyzer, string word, string field = IndexSchema.Text)
    {
        using var stream = analyzer.GetTokenStream(field, word);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? single = null;
        var count = 0;
        while (stream.IncrementToken())
        {
            single = attribute.ToString();
            count++;
        }
        stream.End();
        return count == 1 ? single : null;
    }

    /// <summary>Every indexed term of a text, in order.</summary>
    public static List<string> AllOf(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(IndexSchema.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
