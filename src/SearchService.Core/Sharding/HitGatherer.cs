using Lucene.Net.Analysis;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Puts the best hits of every shard in the order one index would give them. Each shard gives its best in that order,
/// so the best of all are among them. A question is re-scored here, once, over the best first-stage matches of all
/// shards (<see cref="QuestionRescorer"/>): its feedback words come from the best paragraphs of the whole index.
/// </summary>
internal sealed class HitGatherer(QuestionRescorer rescorer, Analyzer analyzer)
{
    public async ValueTask<GatheredHits> GatherAsync(
        IReadOnlyList<IShard> shards, ShardRequest request, RankingPlan plan, CorpusStatistics statistics, IReadOnlyList<ShardAnswer> answers)
    {
        var order = new GatheredOrder(plan.ByScore);
        var hits = answers.SelectMany((answer, shard) => answer.Hits.Select(hit => new GatheredHit(shard, hit))).ToList();
        if (!plan.RescoresQuestion)
            return new GatheredHits(TopSelection.Best(hits, plan.Wanted, order), new HashSet<ShardDoc>(), [], statistics);

        var articles = request.Search.Unit == ResultUnit.Article;
        var shardCandidates = answers.SelectMany((answer, shard) => answer.Candidates.Select(hit => new GatheredHit(shard, hit))).ToList();
        var candidates = TopSelection.Best(shardCandidates, articles ? QuestionRescorer.Depth : Math.Max(plan.Wanted, QuestionRescorer.Depth), order);
        var rescorable = candidates.Take(QuestionRescorer.Depth).ToList();
        var evidence = await ShardedQuestionEvidence.GatherAsync(shards, statistics, rescorable, answers, analyzer);
        var rescored = rescorer.Rescore(evidence, rescorable.Select(c => (c.Key, c.Hit.Score!.Value)).ToList(), plan.Parsed!);
        await evidence.AddFeedbackScoresAsync(rescored.Scores);
        if (plan.Recency is { } recency)
        {
            // What re-scoring added decays as the first stage did, as in one index (QuestionRescorer).
            foreach (var candidate in rescorable)
                rescored.Scores[candidate.Key] = recency.Rescored(candidate.Hit.Score!.Value, rescored.Scores[candidate.Key], candidate.Hit.Date);
        }
        // After a cursor, a shard's paragraph hits are its matches after it other than its candidates, which follow the
        // best of all with their first-stage scores (as one index's walk goes on past the re-scored ones).
        var ranked = articles
            ? Raised(hits, rescorable, rescored.Scores)
            : (plan.After is null ? candidates : shardCandidates.Concat(hits)).Select(c =>
                rescored.Scores.TryGetValue(c.Key, out var score) ? c with { Hit = c.Hit with { Score = score } } : c);
        if (plan.After is { } after)
            ranked = ranked.Where(hit => Follows(after, hit.Hit));
        var best = TopSelection.Best(ranked, plan.Wanted, order);
        return new GatheredHits(best, rescored.Scores.Keys.ToHashSet(), rescored.Words, evidence.Statistics);
    }

    /// <summary>Whether a re-scored hit comes after the cursor's last one, in the order of <see cref="CursorBound"/>.</summary>
    private static bool Follows(SearchCursor after, ShardHit hit)
    {
        var byScore = (after.Score ?? float.PositiveInfinity).CompareTo(hit.Score!.Value);
        return byScore != 0 ? byScore > 0 : HitTieBreak.CompareKeys(hit.ArticleId, hit.Paragraph, after.ArticleId, after.Paragraph) > 0;
    }

    /// <summary>
    /// Articles whose re-scored paragraphs rose above their best become hits of those paragraphs (as high and earlier
    /// in the article wins a tie), as <see cref="ArticleMatch.Raise"/> does in one index.
    /// </summary>
    private static IEnumerable<GatheredHit> Raised(
        IReadOnlyList<GatheredHit> articles, IReadOnlyList<GatheredHit> paragraphs, IReadOnlyDictionary<ShardDoc, float> scores)
    {
        var byArticle = articles.ToDictionary(a => (a.Shard, a.Hit.ArticleId));
        foreach (var paragraph in paragraphs)
        {
            var key = (paragraph.Shard, paragraph.Hit.ArticleId);
            var (article, score) = (byArticle[key].Hit, scores[paragraph.Key]);
            if (score > article.Score || (score == article.Score && paragraph.Hit.Paragraph < article.Paragraph))
                byArticle[key] = byArticle[key] with { Hit = article with { Doc = paragraph.Hit.Doc, Score = score, Paragraph = paragraph.Hit.Paragraph } };
        }
        return byArticle.Values;
    }
}
