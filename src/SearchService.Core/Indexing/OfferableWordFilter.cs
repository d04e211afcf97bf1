using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace SearchService.Core.Indexing;

/// <summary>Keeps only the words the search box may offer on their own (<see cref="SuggestionWords"/>).</summary>
public sealed class OfferableWordFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute term;

    public OfferableWordFilter(TokenStream input) : base(IndexSchema.Version, input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool Accept() => SuggestionWords.IsOfferable(term.Buffer, 0, term.Length, SuggestionWords.WordMinLength);
}
