using System.Text.Json;
using Microsoft.Playwright;
using SearchService.Tests.TestSupport;

namespace SearchService.BrowserTests.Support;

/// <summary>
/// axe-core (pinned in tests/axe, installed by .ci/run with npm ci) run inside a page: the rules of WCAG 2.0 and 2.1,
/// levels A and AA, and axe's best practices, over the whole document, the box's shadow root included.
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly string ScriptPath = Path.Combine(SharedFiles.Repository, "tests", "axe", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string> Script = new(() => File.Exists(ScriptPath)
        ? File.ReadAllText(ScriptPath)
        : throw new InvalidOperationException($"axe-core is not installed: run 'npm ci --ignore-scripts --prefix {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(ScriptPath)))}' (bash .ci/run does)."));

    /// <summary>
    /// Loads axe into the page's context for every document it opens from now on (outside the page's own scripts, so
    /// its Content-Security-Policy does not stop it), and into the document open now.
    /// </summary>
    public static async Task InjectAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(Script.Value);
        await page.EvaluateAsync($"() => {{ {Script.Value}\n }}");
    }

    /// <summary>The violations in the page as it is now, one line each (rule, impact, first nodes), or none.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
              return results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
            }
            """, Tags);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Fails, listing them, unless the page has no violation; <paramref name="state"/> names what is shown.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe finds {violations.Count} violations {state}:\n{string.Join("\n", violations)}");
    }
}
