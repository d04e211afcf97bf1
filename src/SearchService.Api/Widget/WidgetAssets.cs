using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SearchService.Api.Widget;

/// <summary>
/// The search box's files, embedded in this assembly. The script is served under a name carrying a hash of its
/// content, so browsers may cache it for a year; the stable name is a one-line module that imports the current one.
/// </summary>
public sealed class WidgetAssets
{
    public WidgetAssets()
    {
        Script = Read("search-box.js");
        ScriptHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))[..12];
        ScriptLoader = $"import \"./{VersionedScriptName}\";\n";
        DemoPage = Read("demo.html");
        ArticlePage = Read("article.html");
    }

    public string Script { get; }

    public string ScriptHash { get; }

    public string VersionedScriptName => $"search-box.{ScriptHash}.js";

    /// <summary>What <c>/widget/search-box.js</c> answers: an import of the versioned script, relative to itself.</summary>
    public string ScriptLoader { get; }

    /// <summary>The demo page, with <c>{{origin}}</c> where the service's address goes and <c>{{query}}</c> the search to start with.</summary>
    public string DemoPage { get; }

    /// <summary>The article page, with <c>{{title}}</c>, <c>{{meta}}</c> and <c>{{paragraphs}}</c> to fill.</summary>
    public string ArticlePage { get; }

    private static string Read(string name)
    {
        using var stream = typeof(WidgetAssets).Assembly.GetManifestResourceStream($"SearchService.Api.Widget.{name}")
            ?? throw new InvalidOperationException($"The widget file {name} is not embedded in {typeof(WidgetAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
