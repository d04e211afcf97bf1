using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Related articles by words (MoreLikeThis): same subject first, never the article itself, filters and scope as in /search.</summary>
public sealed class RelatedArticleFinderTests : IDisposable
{
    private readonly TestIndex index = new();
    private readonly RelatedArticleFinder finder;

    public RelatedArticleFinderTests()
    {
        foreach (var (article, region) in RelatedNews.Articles)
        {
            var facets = TestIndex.FacetsOf(region: [region]);
            index.Add(article, facets, facets);
        }
        finder = new RelatedArticleFinder(index.Index, new ArticleLookup(index.Index));
    }

    public void Dispose() => index.Dispose();

    private IReadOnlyList<string> Related(string id, SearchRequest? filters = null, RelatedBy by = RelatedBy.Words) =>
        finder.Find(new RelatedRequest(id, filters ?? new SearchRequest(null), 10, by))!.Hits.Select(h => h.ArticleId).ToList();

    [Fact]
    public void Articles_on_the_same_subject_come_first()
    {
        var related = Related(RelatedNews.OpecSource);

        Assert.Equal(["opec-kuwait-quota", "opec-nigeria-barrels", "opec-saudi-prices"], related.Take(3).Order());
    }

    [Fact]
    public void The_article_itself_is_never_related()
    {
        Assert.DoesNotContain(RelatedNews.OpecSource, Related(RelatedNews.OpecSource));
    }

    [Fact]
    public void A_region_filter_keeps_only_related_articles_about_that_region()
    {
        var related = Related(RelatedNews.OpecSource, new SearchRequest(null, Region: ["Saudi Arabia"]));

        Assert.Equal(["opec-saudi-prices"], related);
    }

    [Fact]
    public void A_date_range_keeps_only_related_articles_published_within_it()
    {
        var until6March = new DateRange(null, new DateTimeOffset(1987, 3, 6, 23, 59, 59, TimeSpan.Zero));

        var related = Related(RelatedNews.OpecSource, new SearchRequest(null, Dates: until6March));

        Assert.Contains("opec-kuwait-quota", related);
        Assert.DoesNotContain("opec-nigeria-barrels", related);
        Assert.DoesNotContain("opec-saudi-prices", related);
    }

    [Fact]
    public void An_unknown_article_has_no_answer()
    {
        Assert.Null(finder.Find(new RelatedRequest("no-such-article", new SearchRequest(null))));
    }

    [Fact]
    public void An_article_outside_the_scope_has_no_answer()
    {
        var pakistanOnly = new SearchRequest(null, Scope: new SearchScope(Region: ["Pakistan"]));

        Assert.Null(finder.Find(new RelatedRequest(RelatedNews.OpecSource, pakistanOnly)));
    }

    [Fact]
    public void Related_articles_stay_inside_the_scope()
    {
        var pakistanOnly = new SearchRequest(null, Scope: new SearchScope(Region: ["Pakistan"]));

        var related = Related("cotton-karachi-firm", pakistanOnly);

        Assert.Contains("cotton-punjab-crop", related);
        Assert.DoesNotContain("cotton-gujarat-harvest", related);
    }

    [Fact]
    public void Without_the_language_model_meaning_falls_back_to_words_and_says_so()
    {
        var answer = finder.Find(new RelatedRequest(RelatedNews.OpecSource, new SearchRequest(null), 10, RelatedBy.Meaning))!;

        Assert.Equal(RelatedBy.Words, answer.By);
        Assert.All(answer.Hits, hit => Assert.Null(hit.Similarity));
    }

    [Fact]
    public void A_related_article_carries_its_headline_date_and_the_paragraph_most_like_the_article()
    {
        var kuwait = finder.Find(new RelatedRequest(RelatedNews.OpecSource, new SearchRequest(null)))!.Hits.Single(h => h.ArticleId == "opec-kuwait-quota");

        Assert.Equal("Kuwait says OPEC output quota holds", kuwait.Title);
        Assert.Equal(new DateTimeOffset(1987, 3, 5, 0, 0, 0, TimeSpan.Zero), kuwait.Date);
        Assert.Contains("OPEC", kuwait.Snippet);
        Assert.True(kuwait.Score > 0);
    }
}
