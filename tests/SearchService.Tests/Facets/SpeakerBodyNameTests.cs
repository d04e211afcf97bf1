namespace SearchService.Tests.Facets;

/// <summary>Names of bodies that contain a possessive or "and": kept whole, without swallowing an owner or a second body.</summary>
public class SpeakerBodyNameTests
{
    private static IReadOnlyList<string> Speakers(string paragraph) => Facets.Speakers.Extract([paragraph])[0];

    [Fact]
    public void Possessive_inside_a_company_name_is_kept() =>
        Assert.Equal(["Moody's Investors Service Inc"],
            Speakers("Moody's Investors Service Inc said it lowered the ratings on 200 mln dlrs of the company's debt."));

    [Fact]
    public void And_inside_a_body_name_is_kept() =>
        Assert.Equal(["Home Federal Savings and Loan Association"],
            Speakers("Home Federal Savings and Loan Association said it agreed to sell three branches."));

    [Fact]
    public void And_before_a_company_suffix_is_kept() =>
        Assert.Equal(["Goodyear Tire and Rubber Co"], Speakers("Goodyear Tire and Rubber Co said it will close the plant."));

    [Fact]
    public void Two_companies_joined_by_and_stay_apart() =>
        Assert.DoesNotContain("Exxon Corp and Mobil Corp", Speakers("Exxon Corp and Mobil Corp said they raised crude oil prices."));

    [Fact]
    public void Person_and_a_body_stay_apart() =>
        Assert.DoesNotContain(Speakers("Treasury Secretary James Baker and Federal Reserve Board said the dollar had fallen enough."),
            s => s.Contains(" and "));

    [Fact]
    public void Country_owning_a_ministry_is_not_part_of_its_name() =>
        Assert.Equal(["Defence Ministry"], Speakers("Iraq's Defence Ministry said its aircraft hit two tankers in the Gulf."));

    [Fact]
    public void Titled_person_after_and_is_not_part_of_a_body_name() =>
        Assert.Equal(["Mikhail Petrov", "Ahmed Khan"],
            Speakers("The talks were led by Deputy Minister of Trade of Russia Mikhail Petrov and Additional Secretary Ministry of Commerce of Pakistan Ahmed Khan."));

    [Fact]
    public void Place_based_description_is_not_part_of_the_name() =>
        Assert.Equal(["Alcan"], Speakers("Montreal-based Alcan said it would raise aluminium ingot prices by two cents a pound."));

    [Fact]
    public void And_inside_a_body_name_goes_on_to_its_organisation_word() =>
        Assert.Equal(["Securities and Exchange Commission"], Speakers("The companies also said the Securities and Exchange Commission declared effective as of March 24 the registration statement covering the securities."));

    [Fact]
    public void Name_after_said_that_goes_on_is_what_was_said_not_who_said_it() =>
        Assert.Equal(["John Dingell"], Speakers("House Energy and Commerce committee chairman John Dingell, D-Mich, said the Securities and " +
            "Exchange Commission should step up its enforcement of regulations which require companies to disclose corporate fraud."));

    [Fact]
    public void And_Co_ends_a_partnerships_name() =>
        Assert.Equal(["Merrill Lynch and Co"],
            Speakers("Merrill Lynch and Co said it feels the cut in its credit rating by Moody's Investors Service is not justified."));

    [Fact]
    public void Commas_between_partners_names_are_inside_the_partnership_name() =>
        Assert.Equal(["Goldman Sachs and Co"], Speakers("Underwriters are led by Goldman, Sachs and Co."));

    [Fact]
    public void First_partner_before_a_comma_is_part_of_the_firm_that_speaks() =>
        Assert.Equal(["Sears Roebuck and Co"],
            Speakers("Sears, Roebuck and Co said it will restructure its distribution operations, resulting in a 20 mln dlr after-tax charge against earnings in its first quarter."));

    [Fact]
    public void Names_joined_by_a_slash_are_one_name() =>
        Assert.Equal(["MGM/UA Communications Co"],
            Speakers("MGM/UA Communications Co said it has joined Paramount Pictures and MCA Inc's <MCA> Universal Studios in their agreement with China Film Corp of Beijing to distribute motion pictures in China."));

    [Fact]
    public void Dean_before_a_name_is_a_first_name_not_a_title() =>
        Assert.Equal(["Howard Dean"],
            Speakers("President Howard Dean said in fiscal 1988 the company will derive benefits of various dairy and frozen vegetable acquisitions from Ryan Milk to the Larsen Co."));

    [Fact]
    public void Dean_Witter_is_no_title_and_a_name() =>
        Assert.Equal(["Bob Tate"],
            Speakers("\"They are going to cut their estimate,\" said Bob Tate, an FCOJ broker with Dean Witter Reynolds in Miami."));

    [Fact]
    public void Capitalised_adjective_before_a_role_noun_names_no_body() =>
        Assert.DoesNotContain("Reliable", Speakers("The paper said, \"Reliable sources disclosed that the country is running a budget deficit.\" It gave no figure."));

    [Fact]
    public void Particle_written_against_a_surname_stays_in_the_name() =>
        Assert.Equal(["Ali al-Khalifa al-Sabah"],
            Speakers("Kuwaiti oil minister Sheikh Ali al-Khalifa al-Sabah said OPEC was producing well below its oil output ceiling and this would help prices move higher."));

    [Fact]
    public void Title_word_after_a_name_particle_is_a_fathers_name() =>
        Assert.Contains("Zaid bin Sultan al-Nahayan",
            Speakers("He will meet UAE President Sheikh Zaid bin Sultan al-Nahayan and Oil Minister Mana Said al-Oteiba."));
}
