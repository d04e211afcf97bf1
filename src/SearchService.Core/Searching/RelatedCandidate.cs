namespace SearchService.Core.Searching;

/// <summary>
/// An article found related by words, as its best paragraph (<see cref="RelatedWords.Best"/>), with the text that
/// stands for it by meaning (headline and lead). Plain data: a shard gives its own to the gatherer.
/// </summary>
/// <param name="Score">Its best paragraph's score for the related words.</param>
/// <param name="Lead">Its headline and first paragraph, which re-ranking by meaning compares with the article's.</param>
public sealed record RelatedCandidate(
    string ArticleId, string Title, DateTimeOffset? Date, string? Source, int Paragraph, string Text, float Score, string Lead)
{
    /// <summary>Best score first; ties by article id, then paragraph (<see cref="HitTieBreak"/>), so that one index and its shards agree.</summary>
    public static readonly IComparer<RelatedCandidate> BestFirst = Comparer<RelatedCandidate>.Create((x, y) =>
        y.Score.CompareTo(x.Score) is var byScore and not 0 ? byScore : HitTieBreak.CompareKeys(x.ArticleId, x.Paragraph, y.ArticleId, y.Paragraph));

    public RelatedArticle Answer(double? similarity) => new(ArticleId, Title, Date, Source, Paragraph, HtmlTextEncoder.Encode(Text), Score, similarity);
}
