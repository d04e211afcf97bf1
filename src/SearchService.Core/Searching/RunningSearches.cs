namespace SearchService.Core.Searching;

/// <summary>
/// How many searches (<see cref="ParagraphSearcher.Search(SearchRequest)"/>) run in this process now: the load a
/// question's first stage looks at before it takes a second core (<see cref="CountingFork"/>). Process-wide, as the
/// cores are.
/// </summary>
internal static class RunningSearches
{
    private static int running;

    public static int Count => Volatile.Read(ref running);

    /// <summary>Counts a search as running until the scope is disposed.</summary>
    public static Scope Enter()
    {
        Interlocked.Increment(ref running);
        return new Scope();
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref running);
    }
}
