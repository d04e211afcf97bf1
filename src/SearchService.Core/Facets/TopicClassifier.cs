using System.Runtime.InteropServices;

namespace SearchService.Core.Facets;

/// <summary>
/// Assigns taxonomy topics by weighing the evidence of trigger and cue phrases. Text and phrases are both reduced to
/// English stems (<see cref="WordStems"/>: lower case, stop words out, Porter stems), so "countering financing of
/// terrorism" meets the trigger "financing of terrorism". Longer phrases are matched first and use up their words,
/// so a specific topic ("Foreign terrorist fighters") is not echoed by a generic one ("terrorist" → Terrorism).
/// Thread-safe.
/// </summary>
public sealed class TopicClassifier
{
    /// <summary>A phrase in the headline adds this many times its weight to the article's evidence.</summary>
    public const double TitleFactor = 2;

    /// <summary>
    /// A phrase in the body adds its weight once, and twice when it is in the lead paragraph (where a wire story says
    /// what it is about) or recurs in another paragraph; more repeats add nothing. Summing every repeat let one
    /// word that a long story keeps using ("assets", "export") outweigh what the story is about.
    /// </summary>
    public const double BodyRepeatCap = 2;

    /// <summary>The lead paragraph's phrases count this many times (up to <see cref="BodyRepeatCap"/>).</summary>
    public const double LeadFactor = 2;

    private readonly WordStems wordStems = new();
    private readonly Dictionary<string, TopicPhrase[]> byFirstStem; // longest phrases first
    private readonly int[] lengths; // the phrase lengths there are, longest first
    private readonly Dictionary<string, int> topicOrder;

    public TopicClassifier(TopicTaxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        topicOrder = taxonomy.Topics.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var phrases = new Dictionary<string, TopicPhrase>(StringComparer.Ordinal);
        foreach (var topic in taxonomy.Topics)
        {
            var words = topic.Triggers.Select(w => (w, TopicTaxonomy.TriggerWeight))
                .Concat(topic.Cues.Select(w => (w, TopicTaxonomy.CueWeight)));
            foreach (var (text, weight) in words)
            {
                var stems = Stem(text);
                if (stems.Count == 0)
                    throw new InvalidDataException(
                        $"The topic taxonomy file '{taxonomy.Path}' is malformed: '{text}' of topic '{topic.Name}' is only stop words.");
                var key = string.Join(' ', stems);
                if (!phrases.TryGetValue(key, out var phrase))
                    phrases[key] = phrase = new TopicPhrase(stems.ToArray(), []);
                // Listed twice for one topic ("combating terrorism", "combatting terrorism" may stem alike): the stronger counts.
                var existing = phrase.Evidence.FindIndex(e => e.Topic == topic.Name);
                if (existing < 0)
                    phrase.Evidence.Add((topic.Name, weight));
                else if (phrase.Evidence[existing].Weight < weight)
                    phrase.Evidence[existing] = (topic.Name, weight);
            }
        }
        byFirstStem = phrases.Values.GroupBy(p => p.Stems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Stems.Length).ToArray(), StringComparer.Ordinal);
        lengths = phrases.Values.Select(p => p.Stems.Length).Distinct().OrderDescending().ToArray();
        parents = taxonomy.Topics.Where(t => t.Parent is not null).ToDictionary(t => t.Name, t => t.Parent!);
    }

    private static readonly int[] MaxGaps = [0, 1];
    private readonly Dictionary<string, string> parents;

    public TopicTaxonomy Taxonomy { get; }

    /// <summary>The phrases found in <paramref name="text"/> and the evidence per topic (each distinct phrase counts once).</summary>
    public TopicEvidence Score(string text) => Score(TextTokens.Tokenize(text));

    /// <summary>The phrases found in a text given as its tokens (<see cref="TextTokens.Tokenize"/>).</summary>
    public TopicEvidence Score(IReadOnlyList<Token> tokens) => Score(tokens, new ScoreBuffers());

    /// <summary>The phrases found in each of many texts, as <see cref="Score(IReadOnlyList{Token})"/> finds them.</summary>
    public IReadOnlyList<TopicEvidence> ScoreEach(IReadOnlyList<IReadOnlyList<Token>> texts)
    {
        var buffers = new ScoreBuffers();
        var evidence = new TopicEvidence[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            evidence[i] = Score(texts[i], buffers);
        return evidence;
    }

    private TopicEvidence Score(IReadOnlyList<Token> tokens, ScoreBuffers buffers)
    {
        var stems = buffers.Stems;
        stems.Clear();
        wordStems.AddTo(stems, tokens);
        buffers.EnsureCapacity(stems.Count);
        var (used, candidates) = (buffers.Used, buffers.Candidates);
        // One look-up a word: most words start no phrase.
        var any = false;
        for (var i = 0; i < stems.Count; i++)
        {
            used[i] = false;
            any |= (candidates[i] = byFirstStem.GetValueOrDefault(stems[i])) is not null;
        }
        if (!any)
            return TopicEvidence.None;
        HashSet<TopicPhrase>? found = null;
        Span<int> positions = stackalloc int[lengths[0]];
        foreach (var length in lengths)
            // Adjacent words first, so "financing of terrorism" claims "terrorism" before "countering … terrorism" can.
            foreach (var maxGap in MaxGaps)
                for (var i = 0; i < stems.Count; i++)
                {
                    if (used[i] || candidates[i] is not { } phrases)
                        continue;
                    foreach (var phrase in phrases)
                        if (phrase.Stems.Length == length && TryMatch(stems, used, i, phrase.Stems, maxGap, positions))
                        {
                            foreach (var p in positions[..length])
                                used[p] = true;
                            (found ??= []).Add(phrase);
                            break;
                        }
                }
        return found is null ? TopicEvidence.None : new TopicEvidence(found);
    }

    /// <summary>Topics whose evidence in <paramref name="text"/> reaches the taxonomy's threshold, strongest first.</summary>
    public IReadOnlyList<string> Classify(string text) => Select(Score(text));

    /// <summary>Topics whose evidence reaches the taxonomy's threshold, strongest first.</summary>
    public IReadOnlyList<string> Select(TopicEvidence evidence) => Select(evidence.Scores, Taxonomy.Threshold);

    /// <summary>
    /// What the article as a whole is about: each phrase of the headline and the paragraphs counts as
    /// <see cref="TitleFactor"/>, <see cref="LeadFactor"/> and <see cref="BodyRepeatCap"/> say; an article keeps the
    /// topics over the threshold that are not minor asides beside the strongest topic.
    /// </summary>
    public IReadOnlyList<string> ClassifyArticle(string title, IEnumerable<TopicEvidence> paragraphs)
    {
        var body = new Dictionary<TopicPhrase, double>();
        var lead = true;
        foreach (var paragraph in paragraphs)
        {
            foreach (var phrase in paragraph.Phrases)
                body[phrase] = Math.Min(BodyRepeatCap, body.GetValueOrDefault(phrase) + (lead ? LeadFactor : 1));
            lead = false;
        }
        var total = new Dictionary<string, double>();
        foreach (var (phrase, count) in body)
            AddEvidence(total, phrase, count);
        foreach (var phrase in Score(title).Phrases)
            AddEvidence(total, phrase, TitleFactor);
        var best = 0.0;
        foreach (var score in total.Values)
            best = Math.Max(best, score);
        var kept = Select(total, Math.Max(Taxonomy.Threshold, Taxonomy.ArticleShareOfBest * best));
        // A narrower topic shares its evidence with its parent ("wheat" is also "grain"), so beside a kept parent it
        // needs only the threshold, not a share of the parent's larger score.
        foreach (var topic in Select(total, Taxonomy.Threshold))
            if (!kept.Contains(topic) && parents.GetValueOrDefault(topic) is { } parent && kept.Contains(parent))
                kept.Add(topic);
        return kept;
    }

    private static void AddEvidence(Dictionary<string, double> total, TopicPhrase phrase, double count)
    {
        foreach (var (topic, weight) in phrase.Evidence)
            CollectionsMarshal.GetValueRefOrAddDefault(total, topic, out _) += weight * count;
    }

    private List<string> Select(IReadOnlyDictionary<string, double> scores, double threshold)
    {
        var selected = new List<string>();
        foreach (var (topic, score) in scores)
            if (score >= threshold)
                selected.Add(topic);
        if (selected.Count > 1)
            selected.Sort((a, b) => scores[b].CompareTo(scores[a]) is var byScore and not 0 ? byScore : topicOrder[a].CompareTo(topicOrder[b]));
        return selected;
    }

    // Fills positions with where the phrase's stems are, each at most maxGap words after the one before.
    private static bool TryMatch(List<string> stems, bool[] used, int start, string[] phrase, int maxGap, Span<int> positions)
    {
        positions[0] = start;
        var at = start;
        for (var k = 1; k < phrase.Length; k++)
        {
            var next = -1;
            for (var j = at + 1; j <= at + 1 + maxGap && j < stems.Count; j++)
                if (!used[j] && stems[j] == phrase[k]) { next = j; break; }
            if (next < 0)
                return false;
            positions[k] = next;
            at = next;
        }
        return true;
    }

    private List<string> Stem(string text) => wordStems.Of(text);

    // Score's working lists, kept from one text to the next by ScoreEach: one text's stems, which of them a phrase has
    // used, and the phrases each may start. Only the first Stems.Count entries of the arrays are the current text's.
    private sealed class ScoreBuffers
    {
        public List<string> Stems { get; } = [];
        public bool[] Used { get; private set; } = [];
        public TopicPhrase[]?[] Candidates { get; private set; } = [];

        public void EnsureCapacity(int count)
        {
            if (Used.Length >= count)
                return;
            var length = Math.Max(count, 2 * Used.Length);
            Used = new bool[length];
            Candidates = new TopicPhrase[]?[length];
        }
    }
}
