namespace SearchService.Core.Facets;

/// <summary>One place of the gazetteer: a country (current or historical) or a named multi-country region.</summary>
/// <param name="Name">Canonical English name, the facet value ("Pakistan", "South Asia", "Soviet Union").</param>
/// <param name="Kind"><see cref="Country"/> or <see cref="Region"/>.</param>
/// <param name="Code">ISO 3166-1 alpha-2 for countries, UN M49 code for M49 regions, null for other named regions.</param>
/// <param name="Parent">Enclosing region (UN M49 sub-region, then continent), null at the top.</param>
/// <param name="Aliases">Other ways news text names it: short forms, capitals and cities, demonyms, former names.</param>
/// <param name="Historical">A state that no longer exists (Soviet Union, East Germany).</param>
public sealed record RegionEntry(
    string Name,
    string Kind,
    string? Code,
    string? Parent,
    IReadOnlyList<string> Aliases,
    bool Historical = false)
{
    public const string Country = "country";
    public const string Region = "region";
}
