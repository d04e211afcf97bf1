using SearchService.Benchmarks.Relevance;

namespace SearchService.Tests.Relevance;

/// <summary>
/// Ranking quality on the Cranfield questions 1–150, asked as typed through the /search parameter path, must not fall
/// below a floor a little under what docs/relevance.md records, so a change that hurts ranking fails CI.
/// </summary>
public sealed class CranfieldRelevanceTests
{
    /// <summary>Measured 0.540 (docs/relevance.md); the margin allows for harmless changes in tie order.</summary>
    private const double NdcgFloor = 0.535;

    [CranfieldFact]
    public void Ndcg_at_10_on_the_judged_questions_stays_above_the_floor()
    {
        var collection = CranfieldCollection.Find()!;
        using var engine = new CranfieldEngine(collection);
        var run = collection.Questions
            .Where(q => CranfieldCollection.Judged.Contains(q.Id))
            .ToDictionary(q => q.Id, q => engine.Ask(q.Text, depth: 10));

        var scores = RelevanceScores.Compute(collection.Judgements, run);

        Assert.Equal(150, scores.Questions);
        Assert.True(scores.Ndcg10 >= NdcgFloor, $"nDCG@10 fell to {scores.Ndcg10:F4} (floor {NdcgFloor}): {scores}");
    }
}
