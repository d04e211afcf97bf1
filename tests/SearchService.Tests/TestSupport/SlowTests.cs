namespace SearchService.Tests.TestSupport;

/// <summary>
/// The trait of the tests that start the service as a process, read the shared corpora or take many seconds (crash,
/// hostile traffic, Cranfield, Reuters, benchmark smoke): <c>dotnet test tests/SearchService.Tests --filter "Category!=Slow"</c>
/// leaves them out for a fast inner loop; CI runs everything.
/// </summary>
public static class SlowTests
{
    public const string Trait = "Category";
    public const string Value = "Slow";
}
