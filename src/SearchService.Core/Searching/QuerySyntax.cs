using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>
/// How the <c>q</c> parameter is read. Written by name, in camelCase like the rest of the JSON, so that a default in the
/// OpenAPI document is a name too (the alerts file reads older PascalCase names too: <c>AnyCaseQuerySyntaxConverter</c>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuerySyntax>))]
public enum QuerySyntax
{
    /// <summary>Forgiving syntax for a search box: words, "phrases" (with a slop: "a b"~3), -excluded, OR, prefix*. Never an error.</summary>
    [JsonStringEnumMemberName("simple")]
    Simple,
    /// <summary>Full Lucene query syntax; a syntax error is reported to the caller.</summary>
    [JsonStringEnumMemberName("lucene")]
    Lucene,
}
