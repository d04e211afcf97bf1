using SearchService.Core.Corpus;

namespace SearchService.Tests.Sharding;

/// <summary>A few news articles of March 1987 that three shards split between them all (their ids hash to each).</summary>
public static class SampleArticles
{
    public static readonly DateTimeOffset March = new(1987, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Article[] All =
    [
        new("council", "Ministers meet on trade", [
            "The ministers discussed the yen at length before the meeting moved on to trade, farm subsidies and shipping rules.",
            "Trade talks with Japan resume in May, the ministers said in Brussels."], March.AddDays(2)),
        new("tokyo-dealers", "Yen steady in Tokyo", [
            "Dealers said the yen was steady in Tokyo after the Bank of Japan bought dollars.",
            "The ministers of finance are expected to talk about the yen in Paris next week."], March.AddDays(3)),
        new("bundesbank", "Bundesbank raises rates", [
            "West Germany's central bank lifted its key lending rates by half a point on Thursday.",
            "The Bundesbank said inflation in West Germany had risen faster than expected."], March.AddDays(10)),
        new("farm-talks", "Farm trade talks stall", [
            "Trade talks between the United States and the European Community broke down over farm subsidies.",
            "Washington said it would raise tariffs on European wine and cheese."], March.AddDays(-10)),
        new("storm", "Storm floods coast", ["Heavy rain flooded the coastal towns of Brittany overnight, France's weather office said."], March.AddDays(-3)),
        new("savings", "Savers move deposits", [
            "Savers in Japan moved deposits to banks offering higher rates.",
            "The finance ministry in Tokyo said savings rose for the third month."], March.AddDays(30)),
        new("opec", "OPEC holds output", [
            "OPEC ministers agreed in Vienna to hold crude oil output steady.",
            "Saudi Arabia's oil minister said prices would stay near 18 dlrs a barrel."], March.AddDays(-20)),
        new("gatt", "GATT round opens", [
            "Trade ministers opened a new round of GATT talks in Uruguay on Monday.",
            "Japan and the United States said farm trade would be on the agenda."], March.AddDays(-40)),
        new("yen-record", "Yen hits record", [
            "The yen rose to a record against the dollar in Tokyo trading as exporters sold dollars.",
            "The ministers of the Group of Seven said they would watch the yen closely."], March.AddDays(12)),
        new("shipping", "Shipping rates rise", [
            "Freight rates for grain shipped from the United States to Japan rose for the second week.",
            "Shipping companies said the rise reflected demand for soybeans."], March.AddDays(5)),
    ];

    /// <summary>An article written and then withdrawn: long, and in the words the tests ask for, so that it would weigh in every figure.</summary>
    public static readonly Article Withdrawn = new("withdrawn", "Trade ministers said yen rates", [
        "The ministers said the yen, trade and rates would be discussed, and said again that the yen and trade mattered.",
        "Trade ministers said the yen trade talks said little; dealers said rates, yen and trade were steady, ministers said.",
        "The yen, the yen, the yen: trade ministers said rates and trade talks in Tokyo and Paris would move the yen."], March.AddDays(4));
}
