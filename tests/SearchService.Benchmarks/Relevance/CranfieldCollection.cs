namespace SearchService.Benchmarks.Relevance;

/// <summary>
/// The Cranfield 1400 test collection in <c>../shared/corpora/cranfield</c>: documents in the corpus's JSON Lines shape,
/// questions (<c>qid TAB text</c>) and graded judgements (<c>qid TAB docid TAB grade</c>, for questions 1–150 only).
/// </summary>
public sealed class CranfieldCollection
{
    /// <summary>The questions with judgements that ranking may be tuned on; 151–225 are kept aside.</summary>
    public static readonly QuestionRange Judged = new(1, 150);

    private CranfieldCollection(string folder)
    {
        Folder = folder;
        Questions = File.ReadLines(Path.Combine(folder, "queries.tsv"))
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new Question(int.Parse(parts[0]), parts[1].Trim()))
            .ToList();
        Judgements = File.ReadLines(Path.Combine(folder, "qrels.tsv"))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 3 && double.Parse(parts[2]) > 0)
            .GroupBy(parts => int.Parse(parts[0]))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(p => p[1], p => double.Parse(p[2])));
    }

    public string Folder { get; }

    public string DocumentsFile => Path.Combine(Folder, "documents.jsonl");

    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Question id → judged document id → grade (only grades above 0).</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> Judgements { get; }

    /// <summary>The collection in <c>../shared/corpora/cranfield</c>, or null when it is absent.</summary>
    public static CranfieldCollection? Find() =>
        SharedFolder.TryFind(Path.Combine("corpora", "cranfield", "documents.jsonl")) is { } documents
            ? new CranfieldCollection(Path.GetDirectoryName(documents)!)
            : null;
}

public sealed record Question(int Id, string Text);

public sealed record QuestionRange(int First, int Last)
{
    public bool Contains(int id) => id >= First && id <= Last;

    /// <summary>"1-150" or "151-225".</summary>
    public static QuestionRange Parse(string text)
    {
        var parts = text.Split('-', 2);
        return new QuestionRange(int.Parse(parts[0]), int.Parse(parts.Length == 2 ? parts[1] : parts[0]));
    }

    public override string ToString() => $"{First}-{Last}";
}
