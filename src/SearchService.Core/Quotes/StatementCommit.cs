using SearchService.Core.Indexing;

namespace SearchService.Core.Quotes;

/// <summary>
/// Commits the live <see cref="StatementIndex"/> just before each commit of the paragraph index (<see cref="CommitScheduler"/>
/// asks its contributors first), so that no commit records corpus files or journal lines whose statements are not
/// durable yet: after a crash the statements hold at least what the paragraphs do, and what is replayed on top is
/// written to both again.
/// </summary>
internal sealed class StatementCommit(Func<StatementIndex> live) : ICommitContributor
{
    public void Contribute(IDictionary<string, string> commitData) => live().Commit();
}
