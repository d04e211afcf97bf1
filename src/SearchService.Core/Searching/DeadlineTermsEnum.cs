using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>The terms of another enumeration, unchanged, stopping with <see cref="QueryTimeoutException"/> once <see cref="RewriteDeadline"/> has passed.</summary>
internal sealed class DeadlineTermsEnum(TermsEnum terms) : FilteredTermsEnum(terms, startWithSeek: false)
{
    protected override AcceptStatus Accept(BytesRef term)
    {
        RewriteDeadline.Tick();
        return AcceptStatus.YES;
    }
}
