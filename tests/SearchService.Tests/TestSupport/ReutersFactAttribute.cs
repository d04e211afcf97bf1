namespace SearchService.Tests.TestSupport;

/// <summary>A test that needs the Reuters corpus from ../shared; skipped, saying so, when it is absent.</summary>
public sealed class ReutersFactAttribute : FactAttribute
{
    public ReutersFactAttribute()
    {
        if (ReutersCorpus.Path is null)
            Skip = "Needs ../shared/corpora/reuters21578/reuters-dev.jsonl beside the repository, which is absent.";
    }
}
