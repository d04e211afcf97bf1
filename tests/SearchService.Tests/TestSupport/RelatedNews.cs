using SearchService.Core.Corpus;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Short news articles on three subjects (OPEC's oil output, cotton in Pakistan and India, wheat procurement), enough
/// of each that their telling words are in several paragraphs, as MoreLikeThis wants: for tests of related articles.
/// </summary>
public static class RelatedNews
{
    public const string OpecSource = "opec-geneva-ceiling";

    /// <summary>The articles, with the region each is about.</summary>
    public static IReadOnlyList<(Article Article, string Region)> Articles { get; } =
    [
        (Article(OpecSource, "OPEC keeps its output ceiling", "1987-03-02",
            "OPEC oil ministers meeting in Geneva agreed to keep the cartel's crude output ceiling at 15.8 mln barrels per day.",
            "Saudi Arabia's oil minister said OPEC members would defend the reference price of 18 dlrs a barrel."), "Saudi Arabia"),
        (Article("opec-kuwait-quota", "Kuwait says OPEC output quota holds", "1987-03-05",
            "Kuwait's oil minister said OPEC crude output was within the ceiling and the cartel's quota system held.",
            "He said OPEC would not raise output until crude prices held at 18 dlrs a barrel."), "Kuwait"),
        (Article("opec-nigeria-barrels", "Nigeria cuts crude output to meet OPEC quota", "1987-03-09",
            "Nigeria cut its crude oil output by 100,000 barrels per day to keep within its OPEC quota, the oil ministry said.",
            "OPEC ministers will review the output ceiling in June."), "Nigeria"),
        (Article("opec-saudi-prices", "Saudi Arabia backs OPEC price", "1987-03-12",
            "Saudi Arabia will sell crude oil only at OPEC's official prices, its oil minister told reporters.",
            "The kingdom's output stayed below its OPEC quota of 4.13 mln barrels per day."), "Saudi Arabia"),
        (Article("cotton-karachi-firm", "Cotton prices firm in Karachi", "1987-03-03",
            "Cotton prices firmed on the Karachi Cotton Exchange as spinners bought lint steadily.",
            "Traders said textile mills in Pakistan bought cotton ahead of the export season."), "Pakistan"),
        (Article("cotton-punjab-crop", "Punjab cotton crop seen larger", "1987-03-06",
            "The cotton crop in Punjab is expected to reach 7.5 mln bales, the cotton commissioner said.",
            "Spinners and textile mills welcomed the larger cotton crop."), "Pakistan"),
        (Article("cotton-gujarat-harvest", "Indian cotton growers expect record harvest", "1987-03-08",
            "Cotton growers in Gujarat expect a record cotton harvest after good monsoon rains.",
            "Textile mills in India will buy more local cotton lint, traders said."), "India"),
        (Article("wheat-punjab-procurement", "Wheat procurement target raised", "1987-03-04",
            "The government raised its wheat procurement target for Punjab to 3.5 mln tonnes.",
            "Flour mills will be supplied with wheat from the new crop from April."), "Pakistan"),
        (Article("wheat-egypt-tender", "Egypt buys U.S. wheat", "1987-03-07",
            "Egypt bought 200,000 tonnes of U.S. wheat under the export enhancement program, grain traders said.",
            "The wheat will be shipped in April for Egypt's flour mills."), "Egypt"),
        (Article("wheat-india-stocks", "India wheat stocks at record", "1987-03-10",
            "India's wheat stocks reached a record 23 mln tonnes after procurement from Punjab farmers.",
            "The food ministry said flour mills could buy wheat from government stocks."), "India"),
    ];

    private static Article Article(string id, string title, string date, params string[] paragraphs) =>
        new(id, title, paragraphs, Date: DateTimeOffset.Parse(date + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
}
