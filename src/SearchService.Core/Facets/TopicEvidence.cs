namespace SearchService.Core.Facets;

/// <summary>
/// The taxonomy phrases found in one text (a paragraph or a headline) and what they add up to per topic. The article
/// decision needs the phrases themselves, not only the sums, to tell a phrase repeated in every paragraph from
/// several different ones.
/// </summary>
public sealed class TopicEvidence
{
    public static readonly TopicEvidence None = new([]);

    internal TopicEvidence(IReadOnlyCollection<TopicPhrase> phrases)
    {
        Phrases = phrases;
        var scores = new Dictionary<string, double>();
        foreach (var phrase in phrases)
            foreach (var (topic, weight) in phrase.Evidence)
                scores[topic] = scores.GetValueOrDefault(topic) + weight;
        Scores = scores;
    }

    /// <summary>Evidence per topic: each distinct phrase found counts its weight once.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; }

    internal IReadOnlyCollection<TopicPhrase> Phrases { get; }
}
