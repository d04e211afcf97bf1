namespace SearchService.Core.Facets;

/// <summary>
/// A region a paragraph names, and whether it names it as the place where something happens ("threats in
/// Afghanistan") rather than in passing ("the U.S. dollar", "Britain, France and Japan").
/// </summary>
public readonly record struct NamedRegion(RegionEntry Region, bool AsLocation);
