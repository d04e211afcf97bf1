using SearchService.Benchmarks.Relevance;

namespace SearchService.Tests.Relevance;

/// <summary>A test that needs the Cranfield collection in <c>../shared</c>; skipped, saying so, where it is absent.</summary>
public sealed class CranfieldFactAttribute : FactAttribute
{
    public CranfieldFactAttribute()
    {
        if (CranfieldCollection.Find() is null)
            Skip = "../shared/corpora/cranfield is not beside the repository, so ranking quality cannot be measured here.";
    }
}
