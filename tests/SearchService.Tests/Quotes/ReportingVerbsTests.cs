using SearchService.Core.Quotes;
using SearchService.Tests.Facets;

namespace SearchService.Tests.Quotes;

public class ReportingVerbsTests
{
    [Fact]
    public void The_shipped_list_lists_says_under_said() => Assert.Equal("said", ReportingVerbs.Load().Of("says"));

    [Fact]
    public void A_verb_that_reports_no_statement_has_no_reporting_verb() => Assert.Null(ReportingVerbs.Load().Of("asked"));

    [Fact]
    public void A_line_without_a_tab_is_refused_naming_the_file()
    {
        using var file = TempFile.WithText("said\tsaid\nwarns warned\n", "reporting-verbs");
        var e = Assert.Throws<InvalidDataException>(() => ReportingVerbs.Load(file.Path));
        Assert.Contains(file.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_third_column_other_than_clause_is_refused()
    {
        using var file = TempFile.WithText("added\tadded\tsometimes\n", "reporting-verbs");
        Assert.Throws<InvalidDataException>(() => ReportingVerbs.Load(file.Path));
    }
}
