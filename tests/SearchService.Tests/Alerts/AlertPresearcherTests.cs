using Lucene.Net.Analysis;
using SearchService.Core.Alerts;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.Alerts;

public sealed class AlertPresearcherTests : IDisposable
{
    private static readonly DateTimeOffset Published = new(1987, 2, 26, 0, 0, 0, TimeSpan.Zero);

    private readonly Analyzer analyzer = IndexSchema.CreateAnalyzer();
    private readonly AlertQueryCompiler compiler;

    public AlertPresearcherTests() => compiler = new AlertQueryCompiler(analyzer, Synonyms.None, QueryCostLimits.Default, () => null);

    [Fact]
    public void An_alert_is_found_by_a_term_it_needs()
    {
        var cocoa = Compile("cocoa crop");
        var presearcher = new AlertPresearcher([cocoa, Compile("coffee"), Compile("tin")]);

        var candidates = presearcher.Candidates(Terms("text:cocoa", "text:crop", "text:shower"), [Published]);

        Assert.Equal([cocoa.Alert.Id], candidates.Select(a => a.Alert.Id));
    }

    [Fact]
    public void An_alert_whose_region_filter_the_paragraph_fails_is_left_out()
    {
        var inBrazil = Compile("cocoa", region: ["Brazil"]);
        var inGhana = Compile("cocoa", region: ["Ghana"]);
        var presearcher = new AlertPresearcher([inBrazil, inGhana]);

        var candidates = presearcher.Candidates(Terms("text:cocoa", "region:Brazil", "regionScope:South America"), [Published]);

        Assert.Equal([inBrazil.Alert.Id], candidates.Select(a => a.Alert.Id));
    }

    [Fact]
    public void An_alert_limited_to_later_dates_is_left_out()
    {
        var later = Compile("cocoa", from: Published.AddYears(1));

        Assert.Empty(new AlertPresearcher([later]).Candidates(Terms("text:cocoa"), [Published]));
    }

    [Fact]
    public void A_prefix_alert_is_a_candidate_for_every_paragraph()
    {
        var prefix = Compile("coc*");

        Assert.Single(new AlertPresearcher([prefix]).Candidates(Terms("text:shower"), [Published]));
    }

    [Fact]
    public void An_alert_of_any_of_several_words_is_found_by_each()
    {
        var either = Compile("cocoa OR coffee");
        var presearcher = new AlertPresearcher([either]);

        Assert.Single(presearcher.Candidates(Terms("text:coffe"), [Published]));
        Assert.Single(presearcher.Candidates(Terms("title:cocoa"), [Published]));
        Assert.Empty(presearcher.Candidates(Terms("text:tea"), [Published]));
    }

    private AlertQuery Compile(string q, IReadOnlyList<string>? region = null, DateTimeOffset? from = null) =>
        compiler.Compile(new Alert("a" + Guid.NewGuid().ToString("N")[..12], Published, new SavedQuery(q, Region: region, From: from), null));

    private static HashSet<string> Terms(params string[] terms) => terms.ToHashSet(StringComparer.Ordinal);

    public void Dispose() => analyzer.Dispose();
}
