using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

public class RegionGazetteerTests
{
    private static IReadOnlyList<string> Regions(string text) => Facets.Regions.Extract(text);

    [Theory]
    [InlineData("Officials in Islamabad said the talks would resume.", "Pakistan")]
    [InlineData("The delegation arrived in Moscow on Monday.", "Russia")]
    [InlineData("Pakistani officials declined to comment.", "Pakistan")]
    [InlineData("Three Russians were among the passengers.", "Russia")]
    [InlineData("Troops withdrew from Kandahar last year.", "Afghanistan")]
    [InlineData("Shares fell sharply in Tokyo.", "Japan")]
    [InlineData("The plant outside Karachi was closed.", "Pakistan")]
    public void Cities_and_demonyms_map_to_their_country(string sentence, string country) =>
        Assert.Equal([country], Regions(sentence));

    [Theory]
    [InlineData("The U.S. trade deficit widened in January.")]
    [InlineData("US officials rejected the proposal.")]
    [InlineData("Exports to the USA rose four pct.")]
    [InlineData("America will not change its position, he said.")]
    public void Short_forms_of_the_United_States_are_the_United_States(string sentence) =>
        Assert.Equal(["United States"], Regions(sentence));

    [Theory]
    [InlineData("The UK economy grew faster than expected.")]
    [InlineData("Britain said it would join the scheme.")]
    [InlineData("Gas prices in Great Britain fell.")]
    public void Short_forms_of_the_United_Kingdom_are_the_United_Kingdom(string sentence) =>
        Assert.Equal(["United Kingdom"], Regions(sentence));

    [Theory]
    [InlineData("The Soviet Union bought more grain.", "Soviet Union")]
    [InlineData("The USSR signed the accord.", "Soviet Union")]
    [InlineData("Soviet officials said grain imports would rise.", "Soviet Union")]
    [InlineData("West Germany cut its discount rate.", "Germany")]
    [InlineData("East Germany raised its oil imports.", "East Germany")]
    [InlineData("Exports from Burma slowed.", "Myanmar")]
    [InlineData("Copper output in Zaire rose.", "DR Congo")]
    public void Historical_names_have_one_canonical_name(string sentence, string region) =>
        Assert.Equal([region], Regions(sentence));

    [Theory]
    [InlineData("Violence spread across the Middle East.", "Middle East")]
    [InlineData("Threats in North Africa are growing.", "North Africa")]
    [InlineData("Tankers in the Gulf were attacked.", "Gulf")]
    [InlineData("Debt weighs on Latin America.", "Latin America")]
    [InlineData("Growth in Europe slowed.", "Europe")]
    [InlineData("Trade routes of Central Asia reopened.", "Central Asia")]
    public void Multi_country_regions_keep_their_own_name(string sentence, string region) =>
        Assert.Equal([region], Regions(sentence));

    [Fact]
    public void Coordinated_regions_share_their_head_word() =>
        Assert.Equal(["Central Asia", "South Asia"], Regions("Threats in Central and South Asia were assessed."));

    [Fact]
    public void Longest_name_wins_so_New_Mexico_is_not_Mexico() =>
        Assert.Equal(["United States"], Regions("Oil was found in New Mexico."));

    [Fact]
    public void Longest_name_wins_for_a_country_containing_another_name() =>
        Assert.Equal(["Papua New Guinea"], Regions("Copper from Papua New Guinea was shipped."));

    [Fact]
    public void Possessive_still_names_the_place() =>
        Assert.Equal(["Pakistan"], Regions("Pakistan's exports rose."));

    [Fact]
    public void Place_named_three_ways_is_one_value() =>
        Assert.Equal(["Pakistan"], Regions("Pakistan and Pakistani officials met in Islamabad."));

    [Fact]
    public void Ancestors_follow_the_M49_hierarchy() =>
        Assert.Equal(["South Asia", "Asia"], Facets.Gazetteer.Ancestors("Pakistan"));

    [Fact]
    public void Ancestor_of_a_sub_region_is_its_continent() =>
        Assert.Equal(["Asia"], Facets.Gazetteer.Ancestors("Central Asia"));

    [Fact]
    public void Unknown_name_has_no_ancestors() =>
        Assert.Empty(Facets.Gazetteer.Ancestors("Atlantis"));

    [Fact]
    public void Entries_record_kind_and_code()
    {
        Assert.True(Facets.Gazetteer.TryGet("Pakistan", out var pakistan));
        Assert.Equal((RegionEntry.Country, "PK"), (pakistan.Kind, pakistan.Code));
        Assert.True(Facets.Gazetteer.TryGet("Middle East", out var middleEast));
        Assert.Equal(RegionEntry.Region, middleEast.Kind);
    }

    [Fact]
    public void Historical_states_are_marked()
    {
        Assert.True(Facets.Gazetteer.TryGet("Soviet Union", out var soviet));
        Assert.True(soviet.Historical);
    }

    [Fact]
    public void Missing_gazetteer_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-regions.json");
        var e = Assert.Throws<FileNotFoundException>(() => RegionGazetteer.Load(path));
        Assert.Contains("no-such-regions.json", e.Message);
    }

    [Fact]
    public void Malformed_gazetteer_file_names_the_file()
    {
        using var file = TempFile.WithText("{\"entries\": [", "regions");
        var e = Assert.Throws<InvalidDataException>(() => RegionGazetteer.Load(file.Path));
        Assert.Contains(file.Path, e.Message);
    }

    [Fact]
    public void An_alias_naming_two_places_is_rejected()
    {
        using var file = TempFile.WithText("""
            {"entries": [
              {"name": "Congo", "kind": "country", "aliases": ["Congolese"]},
              {"name": "DR Congo", "kind": "country", "aliases": ["Congolese"]}
            ]}
            """, "regions");
        var e = Assert.Throws<InvalidDataException>(() => RegionGazetteer.Load(file.Path));
        Assert.Contains("Congolese", e.Message);
    }

    [Fact]
    public void An_unknown_parent_is_rejected()
    {
        using var file = TempFile.WithText("""{"entries": [{"name": "Pakistan", "kind": "country", "parent": "Nowhere"}]}""", "regions");
        var e = Assert.Throws<InvalidDataException>(() => RegionGazetteer.Load(file.Path));
        Assert.Contains("Nowhere", e.Message);
    }
}
