using System.Text.Json;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>The factor a hit's relevance is multiplied by for its article's age.</summary>
public sealed class RecencyDecayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly RecencyDecay Weekly = new(Week(), Now);

    private static HalfLife Week() => HalfLife.TryParse("7d", out var week) ? week : throw new InvalidOperationException();

    private static double FactorAt(TimeSpan age) => Weekly.Factor((Now - age).UtcTicks);

    [Fact]
    public void An_article_published_now_keeps_its_whole_relevance() => Assert.Equal(1, FactorAt(TimeSpan.Zero), 9);

    [Fact]
    public void An_article_one_half_life_old_keeps_half_of_what_lies_above_the_floor() =>
        Assert.Equal(RecencyDecay.Floor + (1 - RecencyDecay.Floor) / 2, FactorAt(TimeSpan.FromDays(7)), 9);

    [Fact]
    public void An_article_two_half_lives_old_keeps_a_quarter_of_it() =>
        Assert.Equal(RecencyDecay.Floor + (1 - RecencyDecay.Floor) / 4, FactorAt(TimeSpan.FromDays(14)), 9);

    [Fact]
    public void A_very_old_article_keeps_the_floor() => Assert.Equal(RecencyDecay.Floor, FactorAt(TimeSpan.FromDays(3650)), 9);

    [Fact]
    public void An_undated_article_takes_the_stated_factor() => Assert.Equal(RecencyDecay.Undated, Weekly.Factor(0));

    [Fact]
    public void An_article_dated_after_now_counts_as_new() => Assert.Equal(1, FactorAt(TimeSpan.FromDays(-2)), 9);

    [Fact]
    public void What_rescoring_adds_decays_like_the_first_stage()
    {
        var published = (Now - TimeSpan.FromDays(7)).UtcTicks;
        var factor = Weekly.Factor(published);
        // Relevance 4 decayed to 4 × factor by the first stage; rescoring added 2 undecayed.
        Assert.Equal((float)(6 * factor), Weekly.Rescored((float)(4 * factor), (float)(4 * factor) + 2, published), 5);
    }

    [Fact]
    public void A_decay_crosses_the_shards_json_wire_unchanged() =>
        Assert.Equal(Weekly, JsonSerializer.Deserialize<RecencyDecay>(JsonSerializer.Serialize(Weekly)));
}
