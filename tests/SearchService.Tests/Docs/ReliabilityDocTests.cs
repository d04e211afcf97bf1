using System.Reflection;
using System.Text.RegularExpressions;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Docs;

/// <summary>
/// docs/reliability.md promises only what a test shows: every test it names (<c>FooTests.Method</c>, or <c>FooTests.*</c> for
/// all of a class) exists in this assembly, and every guarantee row of its tables names one.
/// </summary>
public sealed partial class ReliabilityDocTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(SharedFiles.Repository, "docs", "reliability.md"));

    private static readonly ILookup<string, MethodInfo> TestsByClass = typeof(ReliabilityDocTests).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
        .ToLookup(method => method.DeclaringType!.Name, StringComparer.Ordinal);

    [Fact]
    public void Every_test_the_document_names_exists()
    {
        var named = TestName().Matches(Document).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).ToList();
        Assert.NotEmpty(named);
        var missing = named
            .Where(test => !TestsByClass[test.Class].Any(m => test.Method == "*" || m.Name == test.Method))
            .Select(test => $"{test.Class}.{test.Method}")
            .ToList();
        Assert.True(missing.Count == 0, "docs/reliability.md names tests that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_guarantee_row_names_a_test()
    {
        var rows = Document.Split('\n')
            .Where(line => line.StartsWith('|') && !line.StartsWith("| guarantee", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rows);
        var unproven = rows.Where(row => !TestName().IsMatch(row.Split('|', StringSplitOptions.RemoveEmptyEntries)[^1])).ToList();
        Assert.True(unproven.Count == 0, "Guarantees without a test:\n" + string.Join('\n', unproven));
    }

    [GeneratedRegex(@"`(?<class>[A-Z]\w+Tests)\.(?<method>\*|[A-Z]\w+)`")]
    private static partial Regex TestName();
}
