using System.Text.Json;
using System.Text.RegularExpressions;

namespace SearchService.Core.Corpus;

/// <summary>
/// The publisher's own fields of an article line: <c>url</c>, <c>section</c>, <c>language</c> and <c>fields</c> (an
/// object of string values), and the bounds they are held to. Bounded because each value becomes an exact index term
/// and a facet value, and each name a field of the index: a line with hundreds of names would make as many fields.
/// </summary>
public static partial class PublisherFields
{
    public const string Url = "url";
    public const string Section = "section";
    public const string Language = "language";
    public const string Fields = "fields";

    /// <summary>How a field of <c>fields</c> is named in requests and in the index: <c>fields.desk</c>.</summary>
    public const string FieldPrefix = Fields + ".";

    public const int MaxFields = 32;
    public const int MaxNameLength = 40;
    /// <summary>For section, language, byline and each value of <c>fields</c>.</summary>
    public const int MaxValueLength = 500;
    public const int MaxUrlLength = 2_048;

    /// <summary>The name of a field of <c>fields</c> as requests and the index name it: <c>fields.desk</c>.</summary>
    public static string Prefixed(string name) => FieldPrefix + name;

    /// <summary>Whether <paramref name="name"/> may name a field of <c>fields</c>: lower-case letters, digits, '_' and '-', from a letter.</summary>
    public static bool IsFieldName(string name) => name.Length <= MaxNameLength && FieldName().IsMatch(name);

    /// <summary>The problem with a line's <c>url</c>, or null when it is an absolute http or https address (or absent).</summary>
    public static string? UrlProblem(string? url)
    {
        if (url is null)
            return null;
        if (url.Length > MaxUrlLength)
            return $"\"url\" is longer than {MaxUrlLength} characters";
        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? null
            : "\"url\" must be an absolute http or https address";
    }

    /// <summary>The problem with a short text field (section, language, byline), or null.</summary>
    public static string? ValueProblem(string name, string? value) =>
        value is { Length: > MaxValueLength } ? $"\"{name}\" is longer than {MaxValueLength} characters" : null;

    /// <summary>
    /// The line's <c>fields</c>: null when absent or empty; otherwise each name with its value, or the problem and the
    /// field at fault (<c>fields</c> itself, or <c>fields.&lt;name&gt;</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Read(JsonElement root, out string? problem, out string? field)
    {
        problem = null;
        field = null;
        if (!root.TryGetProperty(Fields, out var fields) || fields.ValueKind == JsonValueKind.Null)
            return null;
        if (fields.ValueKind != JsonValueKind.Object)
            return Fail(Fields, "\"fields\" must be an object of string values", out problem, out field);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in fields.EnumerateObject())
        {
            var prefixed = Prefixed(property.Name);
            if (!IsFieldName(property.Name))
                return Fail(prefixed, $"\"{prefixed}\" is not a field name: lower-case letters, digits, '_' and '-', from a letter, at most {MaxNameLength}", out problem, out field);
            if (property.Value.ValueKind != JsonValueKind.String)
                return Fail(prefixed, $"\"{prefixed}\" must be a string", out problem, out field);
            var value = property.Value.GetString()!.Trim();
            if (ValueProblem(prefixed, value) is { } tooLong)
                return Fail(prefixed, tooLong, out problem, out field);
            if (value.Length > 0)
                values[property.Name] = value;
            if (values.Count > MaxFields)
                return Fail(prefixed, $"\"fields\" may hold at most {MaxFields} fields; \"{prefixed}\" is one more", out problem, out field);
        }
        return values.Count == 0 ? null : values;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex FieldName();

    private static IReadOnlyDictionary<string, string>? Fail(string name, string message, out string? problem, out string? field)
    {
        problem = message;
        field = name;
        return null;
    }
}
