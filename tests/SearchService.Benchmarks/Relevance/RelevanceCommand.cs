using System.Diagnostics;

namespace SearchService.Benchmarks.Relevance;

/// <summary>
/// <c>relevance</c>: indexes the Cranfield collection, asks its questions, writes the run file (<c>qid docid</c>, best
/// first) and prints nDCG@10, P@10, MAP and Recall@100 for the judged questions in the range.
/// </summary>
public static class RelevanceCommand
{
    public static int Run(string[] args)
    {
        var range = CranfieldCollection.Judged;
        var runFile = Path.Combine(Path.GetTempPath(), "cranfield.run");
        var depth = RelevanceScores.MaxRanked;
        string? rerank = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--questions": range = QuestionRange.Parse(args[i + 1]); break;
                case "--run": runFile = args[i + 1]; break;
                case "--depth": depth = int.Parse(args[i + 1]); break;
                case "--rerank": rerank = args[i + 1]; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        var collection = CranfieldCollection.Find();
        if (collection is null)
        {
            Console.Error.WriteLine("No shared/corpora/cranfield above the working directory; it is expected beside the repository.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        using var engine = new CranfieldEngine(collection, rerank);
        Console.WriteLine($"Indexed {engine.Indexed.Articles} documents in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var questions = collection.Questions.Where(q => range.Contains(q.Id)).ToList();
        var run = questions.ToDictionary(q => q.Id, q => engine.Ask(q.Text, depth));
        Console.WriteLine($"Asked {questions.Count} questions ({range}) in {clock.Elapsed.TotalSeconds:F1} s");

        File.WriteAllLines(runFile, run.SelectMany(kv => kv.Value.Select(doc => $"{kv.Key} {doc}")));
        Console.WriteLine($"Run file: {runFile}");
        var judged = collection.Judgements.Where(kv => range.Contains(kv.Key)).ToDictionary();
        if (judged.Count == 0)
        {
            Console.WriteLine("No judgements for these questions; nothing to score.");
            return 0;
        }
        Console.WriteLine(RelevanceScores.Compute(judged, run.ToDictionary(kv => kv.Key, kv => kv.Value)));
        return 0;
    }
}
