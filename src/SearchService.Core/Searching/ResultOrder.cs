namespace SearchService.Core.Searching;

/// <summary>Order of the hits. Ties are always broken by article id, then paragraph number, so pages are stable.</summary>
public enum ResultOrder
{
    /// <summary>Best match first; without a query (nothing to rank by), newest first.</summary>
    Relevance,
    /// <summary>Newest article first.</summary>
    Date,
}
