using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>Half-lives as requests and settings write them.</summary>
public sealed class HalfLifeTests
{
    [Theory]
    [InlineData("12h", 0.5)]
    [InlineData("7d", 7)]
    [InlineData("90d", 90)]
    [InlineData("2w", 14)]
    [InlineData("1y", 365)]
    public void A_number_and_a_unit_is_a_half_life(string text, double days)
    {
        Assert.True(HalfLife.TryParse(text, out var halfLife));
        Assert.Equal(TimeSpan.FromDays(days), halfLife.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-7d")]
    [InlineData("7 days")]
    [InlineData("1.5d")]
    [InlineData("7D")]
    [InlineData("3m")]
    [InlineData("1001y")]
    public void Anything_else_is_not(string text) => Assert.False(HalfLife.TryParse(text, out _));
}
