namespace SearchService.Core.Facets;

/// <summary>
/// A stemmed trigger or cue phrase and what it is evidence of; one phrase may serve several topics ("wheat").
/// Compared by reference: the classifier makes one per distinct phrase.
/// </summary>
internal sealed class TopicPhrase(string[] stems, List<(string Topic, double Weight)> evidence)
{
    public string[] Stems { get; } = stems;

    public List<(string Topic, double Weight)> Evidence { get; } = evidence;
}
