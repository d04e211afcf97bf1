namespace SearchService.Core.Facets;

/// <summary>What a word is within a name sequence (<see cref="ParagraphNames"/>): how the sequence is read depends on it.</summary>
internal enum NameWordRole { Name, Title, Organisation, Place, Connector }
