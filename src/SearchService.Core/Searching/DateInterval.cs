namespace SearchService.Core.Searching;

/// <summary>How finely the date facet counts: per year of publication ("1987") or per month ("1987-03"), in UTC.</summary>
public enum DateInterval
{
    Year,
    Month,
}
