using System.Diagnostics;
using System.Text.Json.Nodes;
using SearchService.Core.Facets;
using SearchService.Indexer;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Facets;

/// <summary>
/// Runs the <c>extract</c> command over the first articles of the Reuters file and scores them with the shared
/// scorer, so a change that makes region or topic extraction worse fails CI. Measured on this slice when written:
/// region F1 0.916 (P 0.917, R 0.915); topic micro-F1 with the Reuters-code taxonomy 0.787 (P 0.805, R 0.770).
/// The floors leave room for harmless movement.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public class ReutersRegressionTests
{
    private const int Articles = 2000;
    private const double RegionF1Floor = 0.89;
    private const double TopicF1Floor = 0.76;

    [ReutersScoredFact]
    public void Region_F1_on_a_Reuters_slice_stays_above_the_floor()
    {
        var scores = ExtractAndScore(Facets.Extractor);

        Assert.Equal(0, (int)scores["missing_predictions"]!);
        Assert.True((double)scores["region"]!["f1"]! >= RegionF1Floor, $"region scores on {Articles} Reuters articles: {scores["region"]}");
    }

    [ReutersScoredFact]
    public void Topic_F1_with_the_Reuters_taxonomy_stays_above_the_floor()
    {
        var extractor = NewsFacetExtractor.Load(Path.Combine(AppContext.BaseDirectory, "Data", "topics.reuters.json"));

        var scores = ExtractAndScore(extractor);

        Assert.True((double)scores["topic"]!["f1"]! >= TopicF1Floor, $"topic scores on {Articles} Reuters articles: {scores["topic"]}");
    }

    private static JsonNode ExtractAndScore(IFacetExtractor extractor)
    {
        using var dir = new TempDirectory();
        var gold = Path.Combine(dir.Path, "gold.jsonl");
        var predicted = Path.Combine(dir.Path, "predicted.jsonl");
        File.WriteAllLines(gold, File.ReadLines(ReutersCorpus.Path!).Take(Articles));
        using (var output = File.Create(predicted))
            Assert.Equal(0, ExtractCommand.Run(extractor, gold, threads: null, output, TextWriter.Null));
        return Score(gold, predicted);
    }

    private static JsonNode Score(string gold, string predicted)
    {
        var start = new ProcessStartInfo(ReutersCorpus.Python!, [ReutersCorpus.Scorer!, gold, predicted, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var scorer = Process.Start(start)!;
        var stdout = scorer.StandardOutput.ReadToEnd();
        var stderr = scorer.StandardError.ReadToEnd();
        scorer.WaitForExit();
        Assert.True(scorer.ExitCode == 0, $"score_facets.py failed: {stderr}");
        return JsonNode.Parse(stdout)!;
    }
}
