using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>What makes an article related to another (<see cref="RelatedArticleFinder"/>); in JSON, the word the request's <c>by</c> takes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelatedBy>))]
public enum RelatedBy
{
    /// <summary>The words they share, weighed by how rare they are (Lucene's MoreLikeThis), fused with their meaning.</summary>
    [JsonStringEnumMemberName("both")]
    Both,

    /// <summary>The words alone.</summary>
    [JsonStringEnumMemberName("words")]
    Words,

    /// <summary>The meaning alone: the word candidates ordered by the language model's similarity of headline and lead.</summary>
    [JsonStringEnumMemberName("meaning")]
    Meaning,
}
