namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>GET /search</c> as the tests read it. Open: the answer may gain fields without breaking a client, so
/// unknown members are skipped; a renamed or missing field still fails, as every parameter without a default is required.
/// </summary>
public sealed record SearchAnswer(
    long Total,
    int Page,
    int PageSize,
    double TookMs,
    List<HitAnswer> Hits,
    FacetsAnswer Facets,
    long? TotalArticles = null,
    string? DidYouMean = null,
    string? Next = null);
