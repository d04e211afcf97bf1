namespace SearchService.Benchmarks.Relevance;

/// <summary>
/// Scores a ranked run against graded judgements exactly as <c>shared/tools/score_relevance.py</c> does: nDCG@10 (gain =
/// grade, log2 discount), P@10, MAP and Recall@100 over the first 1000 documents per question, averaged over every
/// judged question (a question missing from the run scores 0).
/// </summary>
public sealed record RelevanceScores(int Questions, double Ndcg10, double P10, double Map, double Recall100)
{
    public const int MaxRanked = 1000;

    public static RelevanceScores Compute(
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> judgements,
        IReadOnlyDictionary<int, IReadOnlyList<string>> run)
    {
        double ndcg = 0, p10 = 0, ap = 0, r100 = 0;
        foreach (var (question, relevant) in judgements)
        {
            var ranked = run.TryGetValue(question, out var docs) ? docs.Distinct().Take(MaxRanked).ToList() : [];
            var dcg = ranked.Take(10).Select((d, i) => relevant.GetValueOrDefault(d) / Math.Log2(i + 2)).Sum();
            var idcg = relevant.Values.OrderDescending().Take(10).Select((g, i) => g / Math.Log2(i + 2)).Sum();
            ndcg += idcg > 0 ? dcg / idcg : 0;
            p10 += ranked.Take(10).Count(relevant.ContainsKey) / 10.0;
            var found = 0;
            var precisionSum = 0.0;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (!relevant.ContainsKey(ranked[i]))
                    continue;
                found++;
                precisionSum += found / (i + 1.0);
            }
            ap += precisionSum / relevant.Count;
            r100 += ranked.Take(100).Count(relevant.ContainsKey) / (double)relevant.Count;
        }
        var n = judgements.Count;
        return new RelevanceScores(n, ndcg / n, p10 / n, ap / n, r100 / n);
    }

    public override string ToString() =>
        $"queries {Questions}  nDCG@10 {Ndcg10:F4}  P@10 {P10:F4}  MAP {Map:F4}  R@100 {Recall100:F4}";
}
