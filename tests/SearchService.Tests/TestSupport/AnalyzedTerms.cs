using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Tests.TestSupport;

/// <summary>The terms an analyzer makes of a text, in order.</summary>
public static class AnalyzedTerms
{
    public static List<string> Of(Analyzer analyzer, string text, string field = "text")
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
