namespace SearchService.Tests.Facets;

/// <summary>
/// A test over the Reuters-21578 file in <c>../shared</c> that needs python3 for the shared scorer; skipped, with the
/// reason, where either is missing (the corpus is research-only and never copied into the repository).
/// </summary>
public sealed class ReutersFactAttribute : FactAttribute
{
    public ReutersFactAttribute()
    {
        if (ReutersCorpus.File is null)
            Skip = "../shared/corpora/reuters21578/reuters-dev.jsonl is not beside the repository, so the Reuters regression test cannot run.";
        else if (ReutersCorpus.Python is null)
            Skip = "python3 is not on the PATH, so ../shared/tools/score_facets.py cannot score the Reuters regression test.";
    }
}
