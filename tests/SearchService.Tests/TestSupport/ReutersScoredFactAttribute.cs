namespace SearchService.Tests.TestSupport;

/// <summary>
/// A test over the Reuters corpus in <c>../shared</c> scored by the shared facet scorer, which needs python3; skipped,
/// with the reason, where either is missing.
/// </summary>
public sealed class ReutersScoredFactAttribute : FactAttribute
{
    public ReutersScoredFactAttribute()
    {
        if (ReutersCorpus.Path is null || ReutersCorpus.Scorer is null)
            Skip = "../shared/corpora/reuters21578/reuters-dev.jsonl or ../shared/tools/score_facets.py is not beside the repository.";
        else if (ReutersCorpus.Python is null)
            Skip = "python3 is not on the PATH, so ../shared/tools/score_facets.py cannot score the Reuters regression test.";
    }
}
