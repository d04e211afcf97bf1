namespace SearchService.Core.Facets;

/// <summary>A stemmed trigger or cue phrase and what it is evidence of; one phrase may serve several topics ("wheat").</summary>
internal sealed record TopicPhrase(string[] Stems, List<(string Topic, double Weight)> Evidence);
