using SearchService.Core.Indexing;

namespace SearchService.Tests.Indexing;

/// <summary>What start-up's warm-up waits for, instead of polling.</summary>
public sealed class IndexingStatusTests
{
    [Fact]
    public void First_run_ended_completes_when_the_first_pass_ends_not_when_it_begins()
    {
        var status = new IndexingStatus();
        status.BeginRun();
        Assert.False(status.FirstRunEnded.IsCompleted);

        status.EndRun();

        Assert.True(status.FirstRunEnded.IsCompletedSuccessfully);
    }
}
