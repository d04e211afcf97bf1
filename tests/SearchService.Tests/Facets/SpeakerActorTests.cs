namespace SearchService.Tests.Facets;

/// <summary>Office holders who act in a paragraph are speakers; listeners and name fragments are not.</summary>
public class SpeakerActorTests
{
    private static IReadOnlyList<string> Speakers(string paragraph) => Facets.Speakers.Extract([paragraph])[0];

    [Fact]
    public void Office_holder_who_acts_is_a_speaker() =>
        Assert.Equal(["Andreas Papandreou"], Speakers("Prime Minister Andreas Papandreou has withdrawn a request to suspend the talks."));

    [Fact]
    public void Office_holder_in_a_possessive_is_a_speaker() =>
        Assert.Equal(["Reagan"], Speakers("President Reagan's move to impose tariffs surprised the markets."));

    [Fact]
    public void Listener_after_told_is_no_speaker() =>
        Assert.Equal(["Peter Smith"], Speakers("Prices will rise, Peter Smith, a trader, told Reuters."));

    [Fact]
    public void Lone_organisation_word_is_no_speaker() =>
        Assert.DoesNotContain("Bank", Speakers("Bank said it had cut its lending rate."));

    [Fact]
    public void Treasury_alone_is_a_speaker() =>
        Assert.Equal(["Treasury"], Speakers("The Treasury said it would sell nine billion dlrs of bills."));

    [Fact]
    public void Who_receives_someone_is_an_actor() =>
        Assert.Equal(["Zhao Ziyang", "George Shultz"], Speakers("Premier Zhao Ziyang received George Shultz in Beijing on Tuesday."));

    [Fact]
    public void What_receives_something_is_no_actor() =>
        Assert.Equal(["Gail Martell"], Facets.Speakers.Extract([
            "Gail Martell said the dry weather probably prevented optimal seed germination for winter grains.",
            "Key wheat growing areas of the southern Ukraine and North Caucasus received 25-35 pct of autumn precipitation, she said."])[1]);
}
