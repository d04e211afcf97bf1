using Lucene.Net.Util;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>Strings gathered from several indexes are ordered as Lucene orders terms: by their UTF-8 bytes.</summary>
public sealed class Utf8OrderTests
{
    [Theory]
    [InlineData("\uFFFD", "\U0001F600")] // ordinal order puts the emoji's surrogates first
    [InlineData("reuters-10", "reuters-2")]
    [InlineData("Zurich-Nord", "Zürich")]
    [InlineData("", "a")]
    public void Strings_are_in_the_order_of_their_UTF8_bytes(string first, string second)
    {
        Assert.True(new BytesRef(first).CompareTo(new BytesRef(second)) < 0);
        Assert.True(Utf8Order.Instance.Compare(first, second) < 0);
        Assert.True(Utf8Order.Instance.Compare(second, first) > 0);
    }

    [Fact]
    public void Equal_strings_are_equal() => Assert.Equal(0, Utf8Order.Instance.Compare("yen", "yen"));
}
