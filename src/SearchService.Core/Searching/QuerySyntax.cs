using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>How the <c>q</c> parameter is read. Written by name, so that a default in the OpenAPI document is a name too.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuerySyntax>))]
public enum QuerySyntax
{
    /// <summary>Forgiving syntax for a search box: words, "phrases", -excluded, OR, prefix*. Never an error.</summary>
    Simple,
    /// <summary>Full Lucene query syntax; a syntax error is reported to the caller.</summary>
    Lucene,
}
