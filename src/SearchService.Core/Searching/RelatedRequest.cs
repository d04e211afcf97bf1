namespace SearchService.Core.Searching;

/// <summary>A request for the articles most like one article.</summary>
/// <param name="ArticleId">The article the others are like; never among them.</param>
/// <param name="Filters">The facet filters, dates and scope the related articles must pass, as <c>/search</c> takes them (its query is not used).</param>
/// <param name="Size">How many related articles, best first.</param>
public sealed record RelatedRequest(string ArticleId, SearchRequest Filters, int Size = 10, RelatedBy By = RelatedBy.Both);
