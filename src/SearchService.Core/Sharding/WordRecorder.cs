using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// A corrector that corrects nothing and notes each word the parser would have it correct: what the shards are then
/// asked about, all at once, before the query is parsed again with the answers (whether a word is looked up does not
/// depend on another word's correction).
/// </summary>
internal sealed class WordRecorder : IWordCorrector
{
    private readonly List<SpellingLookup> lookups = [];

    public IReadOnlyList<SpellingLookup> Lookups => lookups;

    public string? Correct(string term, int rareBelow)
    {
        lookups.Add(new SpellingLookup(term, rareBelow));
        return null;
    }
}
