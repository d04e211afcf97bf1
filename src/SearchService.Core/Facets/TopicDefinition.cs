namespace SearchService.Core.Facets;

/// <summary>A topic of the taxonomy and the words that point to it.</summary>
/// <param name="Name">Canonical topic name, the facet value ("Counter-terrorism").</param>
/// <param name="Triggers">Words or phrases that alone are enough evidence ("financing of terrorism").</param>
/// <param name="Cues">Weaker words that count only together with other evidence ("dialogue").</param>
/// <param name="Parent">A broader topic of the taxonomy ("grain" for "wheat"), or null.</param>
public sealed record TopicDefinition(string Name, IReadOnlyList<string> Triggers, IReadOnlyList<string> Cues, string? Parent = null);
