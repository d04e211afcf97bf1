using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>A <see cref="TermRangeQuery"/> whose term enumeration stops at the <see cref="RewriteDeadline"/>: a wide range spans the whole vocabulary.</summary>
public sealed class BudgetedTermRangeQuery(string field, BytesRef? lower, BytesRef? upper, bool includeLower, bool includeUpper)
    : TermRangeQuery(field, lower, upper, includeLower, includeUpper)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new DeadlineTermsEnum(base.GetTermsEnum(terms, atts));
}
