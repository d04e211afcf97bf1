namespace SearchService.Core.Facets;

/// <summary>A gazetteer alias found in a token list: tokens [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>).</summary>
public readonly record struct RegionMention(RegionEntry Region, int Start, int Length, RegionAmbiguity Ambiguity)
{
    public int End => Start + Length;
}
