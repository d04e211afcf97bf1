using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>A <see cref="PrefixQuery"/> whose term enumeration stops at the <see cref="RewriteDeadline"/>: a short prefix can span a large part of the vocabulary.</summary>
public sealed class BudgetedPrefixQuery(Term prefix) : PrefixQuery(prefix)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new DeadlineTermsEnum(base.GetTermsEnum(terms, atts));
}
