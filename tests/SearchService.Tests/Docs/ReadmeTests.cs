using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SearchService.Api.Alerts;
using SearchService.Api.Analytics;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core;
using SearchService.Tests.Api;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Docs;

/// <summary>
/// The README stays what a newcomer reads in ten minutes, and stays true: it is at most 12 KB, its endpoint table is
/// exactly the endpoints of the OpenAPI document, and its configuration table is exactly the <c>Search:</c> keys the
/// service binds, with the defaults the options classes really have.
/// </summary>
public sealed partial class ReadmeTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private const int MaxReadmeBytes = 12 * 1024;

    private static readonly string ReadmePath = Path.Combine(SharedFiles.Repository, "README.md");
    private static readonly string Readme = File.ReadAllText(ReadmePath);

    /// <summary>The options classes bound to the <c>Search</c> section (see <see cref="Options_bound_to_the_Search_section_are_the_ones_this_test_knows"/>).</summary>
    private static readonly (Type Type, string Section)[] SearchSectionOptions =
        [(typeof(SearchOptions), SearchOptions.Section), (typeof(AccessOptions), SearchOptions.Section), (typeof(SearchAnalyticsOptions), SearchAnalyticsOptions.Section),
            (typeof(AlertOptions), AlertOptions.Section)];

    /// <summary><c>Search:</c> keys read outside an options class.</summary>
    private static readonly string[] KeysReadDirectly = [WidgetCors.AllowedOriginsKey];

    [Fact]
    public void Readme_is_at_most_12_KB()
    {
        var bytes = new FileInfo(ReadmePath).Length;
        Assert.True(bytes <= MaxReadmeBytes, $"README.md is {bytes} bytes; at most {MaxReadmeBytes}. Move detail to docs/.");
    }

    [Fact]
    public async Task Endpoint_table_is_exactly_the_OpenAPI_document()
    {
        var document = await api.CreateClient().GetOk("/openapi/v1.json");
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {NormalisePath(path.Key)}"))
            .ToHashSet(StringComparer.Ordinal);
        var table = EndpointRows().ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(table);
        Assert.True(table.Except(documented).ToList() is var notInDocument && notInDocument.Count == 0,
            "README endpoints missing from /openapi/v1.json: " + string.Join(", ", notInDocument));
        Assert.True(documented.Except(table).ToList() is var notInReadme && notInReadme.Count == 0,
            "/openapi/v1.json endpoints missing from the README's endpoint table: " + string.Join(", ", notInReadme));
    }

    [Fact]
    public void Configuration_table_is_exactly_the_bound_Search_keys()
    {
        var bound = SearchSectionOptions
            .SelectMany(options => options.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .Select(property => $"{options.Section}:{property.Name}"))
            .Concat(KeysReadDirectly)
            .ToHashSet(StringComparer.Ordinal);
        var table = ConfigurationRows().Select(row => row.Key).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(table);
        Assert.True(table.Except(bound).ToList() is var unknown && unknown.Count == 0,
            "README configuration keys that nothing binds: " + string.Join(", ", unknown));
        Assert.True(bound.Except(table).ToList() is var missing && missing.Count == 0,
            "Bound Search: keys missing from the README's configuration table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Configuration_defaults_are_the_options_defaults()
    {
        var defaults = SearchSectionOptions
            .SelectMany(options => options.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(property => (Key: $"{options.Section}:{property.Name}", Value: property.GetValue(Activator.CreateInstance(options.Type)))))
            .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);

        var checkedRows = 0;
        foreach (var (key, defaultCell) in ConfigurationRows())
        {
            // Only literal defaults ("`2000`", "`0` (one per core)"); "*(empty: …)*" and "number of cores" are prose.
            if (!defaultCell.StartsWith('`') || !defaults.TryGetValue(key, out var actual))
                continue;
            var written = defaultCell[1..defaultCell.IndexOf('`', 1)];
            var actualText = actual is bool flag ? (flag ? "true" : "false") : Convert.ToString(actual, CultureInfo.InvariantCulture);
            Assert.True(written == actualText, $"README says {key} defaults to {written}; it is {actualText}");
            checkedRows++;
        }
        Assert.True(checkedRows >= 10, $"only {checkedRows} defaults could be checked");
    }

    /// <summary>
    /// The reflection above knows which classes are bound to the <c>Search</c> section and which keys are read directly;
    /// a new options class or key in src/ must be added here (and so to the README).
    /// </summary>
    [Fact]
    public void Options_bound_to_the_Search_section_are_the_ones_this_test_knows()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(SharedFiles.Repository, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var text = string.Join('\n', sources);

        var boundTypes = BoundOptions().Matches(text).Select(m => m.Groups["type"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(SearchSectionOptions.Select(o => o.Type.Name).Order(), boundTypes.Order());

        var literalKeys = SearchKeyLiteral().Matches(text).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        var boundKeys = SearchSectionOptions.SelectMany(o => o.Type.GetProperties().Select(p => $"{o.Section}:{p.Name}"));
        Assert.Empty(literalKeys.Except(boundKeys).Except(KeysReadDirectly));
        Assert.Empty(KeysReadDirectly.Except(literalKeys));
    }

    private static string NormalisePath(string path) => CatchAll().Replace(path, "{${name}}");

    private static IEnumerable<string> Section(string heading)
    {
        var lines = Readme.Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == $"## {heading}");
        Assert.True(start >= 0, $"README.md has no '## {heading}' section");
        return lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
    }

    private static IEnumerable<string> EndpointRows() =>
        Section("Endpoints").Select(line => EndpointRow().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["method"].Value} {NormalisePath(m.Groups["path"].Value)}");

    private static IEnumerable<(string Key, string Default)> ConfigurationRows() =>
        Section("Configuration").Select(line => ConfigurationRow().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups["key"].Value, m.Groups["default"].Value.Trim()));

    [GeneratedRegex(@"^\| `(?<method>GET|PUT|POST|DELETE|PATCH|HEAD) (?<path>/[^`]*)` \|")]
    private static partial Regex EndpointRow();

    [GeneratedRegex(@"^\| `(?<key>Search:[A-Za-z:]+)` \|(?<default>[^|]*)\|")]
    private static partial Regex ConfigurationRow();

    [GeneratedRegex(@"\{\*{1,2}(?<name>\w+)\}")]
    private static partial Regex CatchAll();

    // services.Configure<T>(section) and AddOptions<T>().Bind(...): the options classes bound to configuration.
    [GeneratedRegex(@"(?:Configure<(?<type>\w+Options)>\(section\)|AddOptions<(?<type>\w+Options)>\(\)\s*\.Bind\()")]
    private static partial Regex BoundOptions();

    [GeneratedRegex(@"""(?<key>Search:[A-Za-z:]+)""")]
    private static partial Regex SearchKeyLiteral();
}
