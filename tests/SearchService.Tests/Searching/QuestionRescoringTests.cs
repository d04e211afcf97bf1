using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Searching;
using SearchService.Tests.Searching.Cursors;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// A question's second stage (<see cref="QuestionRescorer"/>) scores its word pairs from positions it reads itself
/// (<see cref="PairProximity"/>); over questions made as the benchmark makes them from the first Reuters articles, it
/// gives the very candidates, scores, order and feedback words that scoring each pair with Lucene's own sloppy phrase
/// scorer, field by field, and the feedback words with Lucene's own search of them, give.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class QuestionRescoringTests(ReutersCursorIndex reuters) : IClassFixture<ReutersCursorIndex>
{
    [ReutersFact]
    public void Questions_are_rescored_as_lucenes_phrase_scorers_rescore_them()
    {
        var rescorer = new QuestionRescorer(new QuestionFeedback(reuters.Index.Analyzer));
        var compared = 0;
        reuters.Index.Search(searcher =>
        {
            foreach (var question in ReutersQuestions.Make(100))
            {
                var request = new SearchRequest(question);
                var parsed = reuters.Searcher.Parsed(searcher, request)!;
                var (query, _) = reuters.Searcher.Matching(searcher, request);
                var candidates = new QuestionCandidateCollector(searcher.IndexReader, QuestionRescorer.Depth);
                searcher.Search(query, candidates);
                var best = candidates.Best().Select(s => (s.Doc, s.Score)).ToList();
                Assert.NotEmpty(parsed.Pairs!);

                var read = rescorer.Rescore(new IndexQuestionEvidence(searcher), best, parsed);
                var phrased = rescorer.Rescore(new PhraseScoredEvidence(searcher), best, parsed);

                Assert.Equal(Ordered(searcher, phrased.Scores), Ordered(searcher, read.Scores));
                Assert.Equal(phrased.Words, read.Words);
                compared++;
            }
            return 0;
        });
        Assert.Equal(100, compared);
    }

    [ReutersFact]
    public void Feedback_words_of_weights_too_far_apart_to_add_exactly_in_any_order_score_as_the_disjunction_scores_them()
    {
        reuters.Index.Search(searcher =>
        {
            string Term(string word) => IndexedTerm.Of(reuters.Index.Analyzer, word)!;
            FeedbackWord[] words = [new(Term("said"), 1f), new(Term("dlrs"), 1e-9f), new(Term("year"), 0.5f)];
            var candidates = searcher.Search(new MatchAllDocsQuery(), 500).ScoreDocs.ToDictionary(s => s.Doc, _ => 0f);
            var disjunction = new Dictionary<int, float>(candidates);
            searcher.Search(QuestionFeedback.AsQuery(words), new CandidateScores(disjunction));

            FeedbackScores.Add(searcher, words, SegmentDocs.Of(searcher.IndexReader, candidates.Keys), candidates);

            Assert.Equal(disjunction.OrderBy(kv => kv.Key), candidates.OrderBy(kv => kv.Key));
            Assert.Contains(candidates.Values, score => score > 0);
            return 0;
        });
    }

    private static List<(int Doc, float Score)> Ordered(IndexSearcher searcher, Dictionary<int, float> scores) =>
        scores.Select(kv => new ScoreDoc(kv.Key, kv.Value)).Order(new RescoredOrder(searcher.IndexReader)).Select(s => (s.Doc, s.Score)).ToList();

    /// <summary>Adds the score of each candidate matched to its score, taking the matches in order as Lucene's disjunction scorer gives them.</summary>
    private sealed class CandidateScores(Dictionary<int, float> scores) : ICollector
    {
        private Scorer? scorer;
        private int docBase;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => this.scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc)
        {
            if (scores.ContainsKey(docBase + doc))
                scores[docBase + doc] += scorer!.GetScore();
        }
    }

    /// <summary>The paragraphs' evidence, but each pair scored by Lucene's phrase scorer in each field, combined as its query combines them.</summary>
    private sealed class PhraseScoredEvidence(IndexSearcher searcher) : IQuestionEvidence<int>
    {
        private readonly IndexQuestionEvidence index = new(searcher);

        public IComparer<int> TieBreak => index.TieBreak;

        public IVocabulary Vocabulary => index.Vocabulary;

        public IReadOnlySet<string> AskedTerms(Query question) => index.AskedTerms(question);

        public string TextOf(int hit) => index.TextOf(hit);

        /// <summary>Lucene's own search of the feedback words, its disjunction scoring the candidates in order.</summary>
        public void AddScores(IReadOnlyList<FeedbackWord> words, Dictionary<int, float> scores) =>
            searcher.Search(QuestionFeedback.AsQuery(words), new CandidateScores(scores));

        public void AddProximity(IReadOnlyList<WordPair> pairs, Dictionary<int, float> scores)
        {
            var byField = SearchFields.Weighted.Select(f => pairs.Select(pair => PhraseScores(f.Field, f.Boost, pair, scores.Keys)).ToList()).ToList();
            foreach (var doc in scores.Keys.ToList())
            {
                double sum = 0; // as Lucene's boolean scorer adds its clauses
                for (var p = 0; p < pairs.Count; p++)
                {
                    float best = 0, all = 0; // as DisjunctionMaxQuery: the best field and a share of the others
                    foreach (var field in byField)
                    {
                        if (!field[p].TryGetValue(doc, out var score))
                            continue;
                        all += score;
                        best = Math.Max(best, score);
                    }
                    sum += best + (all - best) * SearchFields.OtherFieldShare;
                }
                scores[doc] += (float)sum;
            }
        }

        private Dictionary<int, float> PhraseScores(string field, float boost, WordPair pair, IEnumerable<int> docs)
        {
            var phrase = new PhraseQuery { Slop = pair.Slop, Boost = boost * pair.Weight };
            phrase.Add(new Term(field, pair.First));
            phrase.Add(new Term(field, pair.Second));
            var weight = searcher.CreateNormalizedWeight(phrase);
            var scores = new Dictionary<int, float>();
            foreach (var (leaf, inSegment) in SegmentDocs.Of(searcher.IndexReader, docs))
            {
                if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                    continue;
                foreach (var doc in inSegment)
                {
                    if ((scorer.DocID < doc ? scorer.Advance(doc) : scorer.DocID) == doc)
                        scores[leaf.DocBase + doc] = scorer.GetScore();
                }
            }
            return scores;
        }
    }
}
