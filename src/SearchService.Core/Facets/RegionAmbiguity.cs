namespace SearchService.Core.Facets;

/// <summary>Why a place name may not mean the place; the gazetteer data flags the aliases concerned.</summary>
[Flags]
public enum RegionAmbiguity
{
    None = 0,

    /// <summary>Also a personal name ("Michael Jordan", "Chad Smith").</summary>
    Person = 1,

    /// <summary>Also a US state ("Atlanta, Georgia"): then it names the United States.</summary>
    UsState = 2,

    /// <summary>Often the first word of a longer proper name ("Gulf of Mexico", "Gulf Oil").</summary>
    NamePart = 4,
}
