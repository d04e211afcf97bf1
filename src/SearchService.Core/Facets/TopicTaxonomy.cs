namespace SearchService.Core.Facets;

/// <summary>
/// A topic taxonomy file: <c>{"source": "...", "threshold": 2, "topics": [{"name": "...", "triggers": [...], "cues": [...]}]}</c>.
/// A trigger scores <see cref="TriggerWeight"/>, a cue <see cref="CueWeight"/>; a paragraph gets a topic when its
/// evidence reaches <see cref="Threshold"/>. Data/README.md describes the format.
/// </summary>
public sealed class TopicTaxonomy
{
    public const string DefaultFileName = "topics.default.json";
    public const double TriggerWeight = 2;
    public const double CueWeight = 1;
    private const string What = "topic taxonomy";

    public const double DefaultArticleShareOfBest = 0.3;

    private TopicTaxonomy(string path, string source, double threshold, IReadOnlyList<TopicDefinition> topics,
        double articleShareOfBest = DefaultArticleShareOfBest, bool articleLevelTopics = false)
    {
        ArticleShareOfBest = articleShareOfBest;
        ArticleLevelTopics = articleLevelTopics;
        Path = path;
        Source = source;
        Threshold = threshold;
        Topics = topics;
    }

    /// <summary>The file it was loaded from, for messages about its content.</summary>
    public string Path { get; }

    public string Source { get; }

    public double Threshold { get; }

    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>An article keeps a topic only when its evidence is at least this share of the strongest topic's.</summary>
    public double ArticleShareOfBest { get; }

    /// <summary>
    /// The topics label whole articles (as Reuters' category codes do): a paragraph gets only topics of its article,
    /// so a stray cue in one paragraph does not file the story under a second category.
    /// </summary>
    public bool ArticleLevelTopics { get; }

    /// <summary>Loads a taxonomy; null means the default one shipped in <c>Data/</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks the format's rules.</exception>
    public static TopicTaxonomy Load(string? path = null)
    {
        path ??= DataFile.DefaultPath(DefaultFileName);
        var file = DataFile.ReadJson<TaxonomyFile>(path, What);
        if (file.Topics is not { Count: > 0 })
            throw DataFile.Invalid(path, What, "it has no \"topics\".");
        var threshold = file.Threshold ?? TriggerWeight;
        if (threshold <= 0)
            throw DataFile.Invalid(path, What, $"\"threshold\" must be positive, not {threshold}.");

        var topics = new List<TopicDefinition>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in file.Topics)
        {
            if (string.IsNullOrWhiteSpace(t.Name))
                throw DataFile.Invalid(path, What, "a topic has no \"name\".");
            if (!names.Add(t.Name))
                throw DataFile.Invalid(path, What, $"the topic '{t.Name}' appears twice.");
            if (t.Triggers is not { Count: > 0 })
                throw DataFile.Invalid(path, What, $"the topic '{t.Name}' has no \"triggers\".");
            topics.Add(new TopicDefinition(t.Name.Trim(), t.Triggers, t.Cues ?? [], t.Parent?.Trim()));
        }
        foreach (var t in topics.Where(t => t.Parent is not null && !names.Contains(t.Parent)))
            throw DataFile.Invalid(path, What, $"the parent '{t.Parent}' of topic '{t.Name}' is not a topic.");
        var share = file.ArticleShareOfBest ?? DefaultArticleShareOfBest;
        if (share is < 0 or > 1)
            throw DataFile.Invalid(path, What, $"\"articleShareOfBest\" must be between 0 and 1, not {share}.");
        return new TopicTaxonomy(path, file.Source ?? "", threshold, topics, share, file.ArticleLevelTopics ?? false);
    }

    private sealed class TaxonomyFile
    {
        public string? Source { get; set; }
        public double? Threshold { get; set; }
        public double? ArticleShareOfBest { get; set; }
        public bool? ArticleLevelTopics { get; set; }
        public List<TopicJson>? Topics { get; set; }
    }

    private sealed class TopicJson
    {
        public string Name { get; set; } = "";
        public List<string>? Triggers { get; set; }
        public string? Parent { get; set; }
        public List<string>? Cues { get; set; }
    }
}
