using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>The API over the seed article and the first Reuters articles (none when the corpus is absent, and the tests using it skip).</summary>
public sealed class ReutersApiFactory : SeedApiFactory
{
    public const int Articles = 400;

    protected override void AddToCorpus(TempDirectory folder)
    {
        if (ReutersCorpus.Path is not null)
            ReutersCorpus.CopyStart(folder.Combine("reuters.jsonl"), Articles);
    }
}
