using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SearchService.Core.Facets;

/// <summary>
/// Assigns taxonomy topics by weighing the evidence of trigger and cue phrases. Text and phrases both go through
/// Lucene's <see cref="EnglishAnalyzer"/> (lower case, stop words out, Porter stems), so "countering financing of
/// terrorism" meets the trigger "financing of terrorism". Longer phrases are matched first and use up their words,
/// so a specific topic ("Foreign terrorist fighters") is not echoed by a generic one ("terrorist" → Terrorism).
/// Thread-safe: Lucene analyzers keep their token streams per thread.
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

    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly TopicTaxonomy _taxonomy;
    private readonly Dictionary<string, TopicPhrase[]>[] _byLength; // by first stem, longest phrases first
    private readonly Dictionary<string, int> _topicOrder;

    public TopicClassifier(TopicTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        _topicOrder = taxonomy.Topics.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
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
        _byLength = phrases.Values.GroupBy(p => p.Stems.Length).OrderByDescending(g => g.Key)
            .Select(g => g.GroupBy(p => p.Stems[0]).ToDictionary(f => f.Key, f => f.ToArray(), StringComparer.Ordinal))
            .ToArray();
        _parents = taxonomy.Topics.Where(t => t.Parent is not null).ToDictionary(t => t.Name, t => t.Parent!);
        _firstStems = phrases.Values.Select(p => p.Stems[0]).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly int[] MaxGaps = [0, 1];
    private readonly HashSet<string> _firstStems;
    private readonly Dictionary<string, string> _parents;

    public TopicTaxonomy Taxonomy => _taxonomy;

    /// <summary>The phrases found in <paramref name="text"/> and the evidence per topic (each distinct phrase counts once).</summary>
    public TopicEvidence Score(string text)
    {
        var stems = Stem(text);
        var used = new bool[stems.Count];
        var found = new HashSet<TopicPhrase>();
        var starts = stems.Select(_firstStems.Contains).ToArray(); // most words start no phrase: skip them early
        foreach (var group in _byLength)
            // Adjacent words first, so "financing of terrorism" claims "terrorism" before "countering … terrorism" can.
            foreach (var maxGap in MaxGaps)
                for (var i = 0; i < stems.Count; i++)
                {
                    if (!starts[i])
                        continue;
                    foreach (var phrase in group.GetValueOrDefault(stems[i]) ?? [])
                        if (TryMatch(stems, used, i, phrase.Stems, maxGap, out var positions))
                        {
                            foreach (var p in positions)
                                used[p] = true;
                            found.Add(phrase);
                            break;
                        }
                }
        return found.Count == 0 ? TopicEvidence.None : new TopicEvidence(found);
    }

    /// <summary>Topics whose evidence in <paramref name="text"/> reaches the taxonomy's threshold, strongest first.</summary>
    public IReadOnlyList<string> Classify(string text) => Select(Score(text));

    /// <summary>Topics whose evidence reaches the taxonomy's threshold, strongest first.</summary>
    public IReadOnlyList<string> Select(TopicEvidence evidence) => Select(evidence.Scores, _taxonomy.Threshold);

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
        var counts = new Dictionary<TopicPhrase, double>(body);
        foreach (var phrase in Score(title).Phrases)
            counts[phrase] = counts.GetValueOrDefault(phrase) + TitleFactor;
        var total = new Dictionary<string, double>();
        foreach (var (phrase, count) in counts)
            foreach (var (topic, weight) in phrase.Evidence)
                total[topic] = total.GetValueOrDefault(topic) + weight * count;
        var best = total.Count == 0 ? 0 : total.Values.Max();
        var kept = Select(total, Math.Max(_taxonomy.Threshold, _taxonomy.ArticleShareOfBest * best));
        // A narrower topic shares its evidence with its parent ("wheat" is also "grain"), so beside a kept parent it
        // needs only the threshold, not a share of the parent's larger score.
        var narrower = Select(total, _taxonomy.Threshold).Where(t => !kept.Contains(t) && _parents.GetValueOrDefault(t) is { } parent && kept.Contains(parent));
        return kept.Concat(narrower).ToList();
    }

    private IReadOnlyList<string> Select(IReadOnlyDictionary<string, double> scores, double threshold) =>
        scores.Where(s => s.Value >= threshold)
            .OrderByDescending(s => s.Value).ThenBy(s => _topicOrder[s.Key])
            .Select(s => s.Key).ToList();

    private static bool TryMatch(List<string> stems, bool[] used, int start, string[] phrase, int maxGap, out List<int> positions)
    {
        positions = [start];
        if (used[start])
            return false;
        var at = start;
        for (var k = 1; k < phrase.Length; k++)
        {
            var next = -1;
            for (var j = at + 1; j <= at + 1 + maxGap && j < stems.Count; j++)
                if (!used[j] && stems[j] == phrase[k]) { next = j; break; }
            if (next < 0)
                return false;
            positions.Add(next);
            at = next;
        }
        return true;
    }

    private List<string> Stem(string text)
    {
        var stems = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            stems.Add(term.ToString());
        stream.End();
        return stems;
    }
}
